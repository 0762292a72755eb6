"""Staff pages: the catalogue, uploading, job progress, downloads, readability and the easy read draft."""
from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from converter import formats

from .. import catalogue, storage
from ..models import DONE, Document, DocumentVersion, Job, User
from . import auth
from .app import render
from .deps import FileNumber, RecordId, document_or_404, get_session, job_or_404, page_user

router = APIRouter(include_in_schema=False)


def read_upload(upload: UploadFile | None) -> tuple[bytes, str]:
    if upload is None or not upload.filename:
        raise HTTPException(400, "Choose a Word document or PDF to upload.")
    return upload.file.read(), upload.filename


def format_choices() -> list[dict]:
    ready = catalogue.ready_formats()
    return [{"value": name, "text": spec.description, "hint": spec.audience}
            for name, spec in formats.OUTPUTS.items() if name in ready]


@router.get("/")
def documents_page(request: Request, user: User = Depends(page_user),
                   session: Session = Depends(get_session, scope="function")):
    documents = list(session.scalars(select(Document).order_by(Document.updated_at.desc())))
    return render(request, "documents.html", title="Documents", documents=documents)


@router.get("/documents/new")
def new_document_page(request: Request, user: User = Depends(page_user)):
    return render(request, "new_document.html", title="Upload a document", choices=format_choices(),
                  settings=catalogue.CHOOSABLE_SETTINGS, values={})


@router.post("/documents")
def create_document(request: Request, title: str = Form(""), aliases: str = Form(""),
                    format_names: list[str] = Form([], alias="formats"),
                    large_print_font_size: str = Form(""), easy_read_font_size: str = Form(""),
                    speaking_rate_wpm: str = Form(""), csrf_token: str = Form(""),
                    file: UploadFile | None = None, user: User = Depends(page_user),
                    session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    errors = {}
    if not title.strip():
        errors["title"] = "Enter the title of the document"
    if file is None or not file.filename:
        errors["file"] = "Choose a Word document or PDF to upload"
    if not format_names:
        errors["formats"] = "Choose at least one format"
    if errors:
        return render(request, "new_document.html", status_code=400, title="Upload a document",
                      choices=format_choices(), settings=catalogue.CHOOSABLE_SETTINGS, errors=errors,
                      values={"title": title, "aliases": aliases, "formats": format_names})
    data, filename = read_upload(file)
    choices = {"large_print_font_size": large_print_font_size, "easy_read_font_size": easy_read_font_size,
               "speaking_rate_wpm": speaking_rate_wpm}
    version, _jobs = catalogue.submit(session, data, filename, title, aliases.split(","),
                                      format_names, choices)
    return RedirectResponse(f"/documents/{version.document_id}", status_code=303)


@router.get("/documents/{document_id}")
def document_page(request: Request, document_id: RecordId, user: User = Depends(page_user),
                  session: Session = Depends(get_session, scope="function")):
    document = document_or_404(session, document_id)
    version = document.latest
    return render(request, "document.html", title=document.title, document=document, version=version,
                  jobs=catalogue.version_jobs(session, version) if version else [])


@router.post("/documents/{document_id}/status")
def change_status(request: Request, document_id: RecordId, status: str = Form(""), csrf_token: str = Form(""),
                  user: User = Depends(page_user), session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    catalogue.set_status(session, document_or_404(session, document_id), status)
    return RedirectResponse(f"/documents/{document_id}", status_code=303)


@router.post("/documents/{document_id}/aliases")
def change_aliases(request: Request, document_id: RecordId, aliases: str = Form(""), csrf_token: str = Form(""),
                   user: User = Depends(page_user), session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    document_or_404(session, document_id).aliases = catalogue.clean_aliases(aliases.split(","))
    return RedirectResponse(f"/documents/{document_id}", status_code=303)


@router.get("/jobs/{job_id}/files/{number}")
def download(job_id: RecordId, number: FileNumber, user: User = Depends(page_user),
             session: Session = Depends(get_session, scope="function")):
    return file_response(job_or_404(session, job_id), number)


def file_response(job: Job, number: int) -> FileResponse:
    """One file of a finished job; the path comes from the job store, never from the request."""
    if job.state != DONE or not 0 <= number < len(job.files):
        raise HTTPException(404, "That file does not exist or is not ready yet.")
    key = job.files[number]
    spec = formats.output(job.format)
    media = "audio/x-mpegurl" if key.endswith(".m3u") else (
        "application/json" if key.endswith(".json") else spec.media_type)
    return FileResponse(storage.default().local_path(key), media_type=media,
                        filename=key.rsplit("/", 1)[-1])


@router.get("/jobs/{job_id}/readability")
def readability_page(request: Request, job_id: RecordId, user: User = Depends(page_user),
                     session: Session = Depends(get_session, scope="function")):
    job = job_or_404(session, job_id)
    return render(request, "readability.html", title=f"Readability: {job.format}", job=job,
                  document=job.version.document)


def easy_read_draft_text(version: DocumentVersion) -> str | None:
    if version.easy_read_text is not None:
        return version.easy_read_text
    for job in version.jobs:
        if job.format == "easy-read-draft" and job.state == DONE and job.files:
            return storage.default().get(job.files[0]).decode("utf-8")
    return None


@router.get("/versions/{version_id}/easy-read")
def easy_read_page(request: Request, version_id: RecordId, user: User = Depends(page_user),
                   session: Session = Depends(get_session, scope="function")):
    version = session.get(DocumentVersion, version_id)
    if version is None:
        raise HTTPException(404, "There is no such version.")
    return render(request, "easy_read.html", title="Easy read draft", version=version,
                  document=version.document, draft=easy_read_draft_text(version))


@router.post("/versions/{version_id}/easy-read")
def save_easy_read(request: Request, version_id: RecordId, draft: str = Form(""), action: str = Form("save"),
                   csrf_token: str = Form(""), user: User = Depends(page_user),
                   session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    version = session.get(DocumentVersion, version_id)
    if version is None:
        raise HTTPException(404, "There is no such version.")
    version.easy_read_text = draft.replace("\r\n", "\n")
    approved = action == "approve"
    version.easy_read_approved_by = user.username if approved else None
    version.easy_read_approved_at = datetime.now(timezone.utc) if approved else None
    if approved:
        from converter.readers.easy_read_draft import parse_draft

        parse_draft(version.easy_read_text, source_name="the draft")  # a draft that cannot be read is refused
        session.flush()
        catalogue.render_approved(session, version)
    return RedirectResponse(f"/versions/{version_id}/easy-read?saved={'approved' if approved else 'saved'}",
                            status_code=303)
