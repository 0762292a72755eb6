"""The staff web app: FastAPI routes for pages and the JSON API, GOV.UK Frontend assets, error pages."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from converter import provenance
from converter.errors import AltformatsError

from .. import settings
from . import auth

HERE = Path(__file__).resolve().parent
log = logging.getLogger("altformats.web")
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["generator"] = provenance.generator_string()

# Every page works under this policy: scripts, styles, fonts and images only from this service,
# no inline script or style, no framing. The browser test fails on any violation it reports.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "font-src 'self'",
    "connect-src 'self'", "manifest-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
    "base-uri 'none'"))
# Files that are the same for everyone may be cached; everything else (pages, the API, downloads) is not.
PUBLIC_PREFIXES = ("/static/", "/assets/", "/app-static/")


def mail_configured() -> bool:
    """Email intake is set up on this service (any ALTFORMATS_MAIL_* setting, or a mail config file)."""
    return any(value for key, value in os.environ.items() if key.startswith("ALTFORMATS_MAIL_"))


templates.env.globals["mail_configured"] = mail_configured


def frontend_dir() -> Path:
    """GOV.UK Frontend's dist/govuk folder, installed from npm by scripts/setup."""
    given = os.environ.get("ALTFORMATS_FRONTEND_DIR")
    if given:
        return Path(given)
    for base in (HERE.parents[1], Path.cwd()):
        candidate = base / "node_modules" / "govuk-frontend" / "dist" / "govuk"
        if candidate.is_dir():
            return candidate
    raise RuntimeError("GOV.UK Frontend is not installed: run scripts/setup (npm install).")


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("user", getattr(request.state, "user", None))
    context["csrf_token"] = auth.csrf_token(request)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, title: str, message: str, hint: str | None = None):
    if wants_json(request):
        return JSONResponse({"error": message, "hint": hint}, status_code=status)
    return render(request, "error.html", status_code=status, title=title, message=message, hint=hint)


_TITLES = {400: "There is a problem with your request", 401: "You need to sign in",
           403: "You cannot do that", 404: "Page not found", 405: "That is not allowed here",
           413: "The file is too large", 422: "There is a problem with what you sent"}


def install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        title = _TITLES.get(exc.status_code, "Something went wrong")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != "Not Found" else (
            "If you typed the web address, check it is correct.")
        response = error_response(request, exc.status_code, title, detail)
        if exc.status_code == 401 and wants_json(request):
            response.headers["WWW-Authenticate"] = 'Basic realm="altformats"'
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                             for e in exc.errors()[:5])
        if wants_json(request):
            return JSONResponse({"error": "The request is not valid.", "hint": problems}, status_code=422)
        return error_response(request, 404 if request.method == "GET" else 422,
                              _TITLES[404 if request.method == "GET" else 422],
                              "The address or form is not one this service knows.", None)

    @app.exception_handler(AltformatsError)
    async def bad_input(request: Request, exc: AltformatsError):
        where = f"{exc.path}: " if exc.path else ""
        return error_response(request, 400, "There is a problem with the file or settings",
                              where + exc.message, exc.hint)

    @app.exception_handler(auth.CsrfFailure)
    async def csrf_failed(request: Request, exc: auth.CsrfFailure):
        return error_response(request, 403, "The form has expired",
                              "This form was not sent from this service or has expired.",
                              "Go back, reload the page and try again.")

    @app.exception_handler(auth.NotSignedIn)
    async def not_signed_in(request: Request, exc: auth.NotSignedIn):
        if wants_json(request):
            response = error_response(request, 401, _TITLES[401], "Sign in with your staff account.")
            response.headers["WWW-Authenticate"] = 'Basic realm="altformats"'
            return response
        return RedirectResponse("/sign-in", status_code=303)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        response = error_response(request, 500, "Sorry, there is a problem with the service",
                                  "Something went wrong on our side. Your file and jobs are safe.",
                                  "Try again later. If it keeps happening, tell the service team.")
        add_security_headers(request.url.path, response)  # this handler runs outside the middleware
        return response


def install_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def limits_and_cookies(request: Request, call_next):
        limit = int(settings.get().upload_max_mb * 1024 * 1024) + 64 * 1024
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            too_large = error_response(request, 413, _TITLES[413],
                                       f"Files up to {settings.get().upload_max_mb:g} MB can be uploaded.",
                                       "Compress the pictures in the document or split it.")
            add_security_headers(request.url.path, too_large)
            return too_large
        response = await call_next(request)
        if getattr(request.state, "csrf_new", False):
            response.set_cookie(auth.CSRF_COOKIE, auth.csrf_cookie_value(request.state.csrf_token),
                                **auth.cookie_options())
        add_security_headers(request.url.path, response)
        return response


def add_security_headers(path: str, response) -> None:
    """CSP, no sniffing, no framing, no referrer (signed download links must not leak), no caching
    of anything personal: signed-in pages, API answers and downloads."""
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    if not path.startswith(PUBLIC_PREFIXES):
        headers["Cache-Control"] = "no-store"


def create_app() -> FastAPI:
    from . import api, api_docs, pages, signin

    app = FastAPI(title="altformats", version=provenance.version(),
                  description="Accessible alternative formats of council documents: submit a document, "
                  "follow its conversion jobs, download the outputs, manage the catalogue.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    dist = frontend_dir()
    app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    app.mount("/static", StaticFiles(directory=dist), name="static")
    app.mount("/app-static", StaticFiles(directory=HERE / "static"), name="app-static")
    install_middleware(app)
    install_error_pages(app)
    app.include_router(signin.router)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(api_docs.router)
    from . import mail_links, mail_pages  # email requests: download links and staff pages (workers/mail/)

    app.include_router(mail_links.router)
    app.include_router(mail_pages.router)
    return app
