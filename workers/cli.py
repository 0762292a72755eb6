"""`altformats submit/status/serve/users/db`: talk to a running service, run it, manage it."""
from __future__ import annotations

import os
import time
from pathlib import Path

import click

from converter.errors import EXIT_PARTIAL, AltformatsError

DEFAULT_URL = "http://127.0.0.1:8000"
_url = click.option("--url", envvar="ALTFORMATS_URL", default=DEFAULT_URL, show_default=True,
                    help="The service's address (ALTFORMATS_URL).")
_user = click.option("--user", envvar="ALTFORMATS_USER", required=True,
                     help="Your staff username (ALTFORMATS_USER).")
_password = click.option("--password", envvar="ALTFORMATS_PASSWORD", prompt=True, hide_input=True,
                         help="Your password (ALTFORMATS_PASSWORD, else asked for).")


def _client(url: str, user: str, password: str):
    import httpx

    return httpx.Client(base_url=url.rstrip("/"), auth=(user, password), timeout=60)


def _call(client, method: str, path: str, **kwargs):
    import httpx

    try:
        response = client.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        raise AltformatsError(f"Cannot reach the service at {client.base_url} ({exc}).",
                              hint="Start it with `honcho start` (see docs/service.md) or pass --url.") from None
    if response.status_code == 401:
        raise AltformatsError("The service did not accept the username and password.",
                              hint="Check them, or ask an administrator to run `altformats users add`.")
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = {"error": response.text[:300]}
        raise AltformatsError(str(body.get("error") or body.get("detail")), hint=body.get("hint"))
    return response.json()


def _line(job: dict) -> str:
    if job["state"] == "done":
        return f"  {job['format']:<18} done, {job['size']:,} bytes in {len(job['files'])} file(s)"
    if job["state"] == "failed":
        return f"  {job['format']:<18} FAILED: {job['error']}"
    return f"  {job['format']:<18} {job['state']} {round(job['progress'] * 100)}% {job['activity']}"


def _follow(client, job_ids: list[int], poll: float = 1.0) -> list[dict]:
    shown: dict[int, str] = {}
    while True:
        current = [_call(client, "GET", f"/api/jobs/{i}") for i in job_ids]
        for job in current:
            line = _line(job)
            if shown.get(job["id"]) != line:
                shown[job["id"]] = line
                click.echo(f"job {job['id']}{line}")
        if all(j["state"] in ("done", "failed") for j in current):
            return current
        time.sleep(poll)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", help="Title residents know it by (default: the file name).")
@click.option("--alias", "aliases", multiple=True, help="Another name for the document (repeatable).")
@click.option("--to", "formats_", multiple=True, help="A format to make (repeatable; default: all).")
@click.option("--wait/--no-wait", default=True, show_default=True, help="Follow progress until done.")
@_url
@_user
@_password
def submit(file, title, aliases, formats_, wait, url, user, password):
    """Send FILE to a running service and show each format's progress."""
    with _client(url, user, password) as client:
        data = {"title": title or file.stem.replace("-", " ").replace("_", " "),
                "aliases": ",".join(aliases), "formats": list(formats_)}
        with file.open("rb") as fh:
            made = _call(client, "POST", "/api/documents", data=data, files={"file": (file.name, fh)})
        click.echo(f"Document {made['document_id']} (version record {made['version_id']}): "
                   f"{len(made['jobs'])} job(s): {', '.join(str(j['id']) for j in made['jobs'])}")
        if not wait:
            return 0
        final = _follow(client, [j["id"] for j in made["jobs"]])
    return EXIT_PARTIAL if any(j["state"] == "failed" for j in final) else 0


@click.command()
@click.argument("job", type=int)
@click.option("--wait", is_flag=True, help="Follow progress until the job ends.")
@_url
@_user
@_password
def status(job, wait, url, user, password):
    """Show the state of JOB (a job number from `altformats submit`)."""
    with _client(url, user, password) as client:
        found = _follow(client, [job]) if wait else [_call(client, "GET", f"/api/jobs/{job}")]
        if not wait:
            click.echo(f"job {job}{_line(found[0])}")
        for path in found[0]["files"]:
            click.echo(f"    {client.base_url}{path}")
    return EXIT_PARTIAL if found[0]["state"] == "failed" else 0


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--upgrade/--no-upgrade", default=True, show_default=True,
              help="Bring the database schema up to date first.")
def serve(host, port, upgrade):
    """Run the staff web app and JSON API."""
    import uvicorn

    from . import db

    if upgrade:
        db.upgrade()
    uvicorn.run("workers.web.app:create_app", factory=True, host=host, port=port,
                proxy_headers=True, log_level=os.environ.get("ALTFORMATS_LOG_LEVEL", "info"))


@click.group()
def users():
    """Staff accounts: add, list, set-password."""


def _new_password(password: str | None) -> str:
    return password or click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command("add")
@click.argument("username")
@click.option("--password", envvar="ALTFORMATS_NEW_PASSWORD", help="Else asked for (twice).")
def users_add(username, password):
    """Add a staff account."""
    from sqlalchemy import select

    from . import db
    from .models import User
    from .web.auth import hash_password

    name = username.strip().lower()
    with db.session() as s:
        if s.scalar(select(User).where(User.username == name)):
            raise AltformatsError(f"There is already an account called '{name}'.",
                                  hint="Use `altformats users set-password` to change its password.")
        s.add(User(username=name, password_hash=hash_password(_new_password(password))))
    click.echo(f"Added {name}.")


@users.command("list")
def users_list():
    """List staff accounts."""
    from sqlalchemy import select

    from . import db
    from .models import User

    with db.session() as s:
        for user in s.scalars(select(User).order_by(User.username)):
            click.echo(f"{user.username}\tadded {user.created_at:%Y-%m-%d}")


@users.command("set-password")
@click.argument("username")
@click.option("--password", envvar="ALTFORMATS_NEW_PASSWORD", help="Else asked for (twice).")
def users_set_password(username, password):
    """Change a staff account's password."""
    from sqlalchemy import select

    from . import db
    from .models import User
    from .web.auth import hash_password

    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise AltformatsError(f"There is no account called '{username}'.", hint="See `altformats users list`.")
        user.password_hash = hash_password(_new_password(password))
    click.echo(f"Changed the password of {user.username}.")


@click.group("db")
def db_group():
    """The job store's database."""


@db_group.command("upgrade")
def db_upgrade():
    """Create the tables or migrate them to this version."""
    from . import db, settings

    db.upgrade()
    click.echo(f"Database is up to date: {settings.get().database_url.split('@')[-1]}")


db = db_group
