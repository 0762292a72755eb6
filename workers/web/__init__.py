"""The staff web app and JSON API (FastAPI, Jinja2, GOV.UK Frontend); create_app() in app.py."""
