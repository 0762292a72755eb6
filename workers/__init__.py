"""The altformats service: Celery jobs, the job store, the catalogue, the staff web app and email intake."""
