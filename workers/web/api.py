"""The JSON API (described at /api/openapi.json): the same operations as the staff pages."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, UploadFile
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from converter import formats

from .. import catalogue
from ..models import Document, Job, User
from .deps import MAX_ID, FileNumber, RecordId, api_user, document_or_404, get_session, job_or_404
from .pages import file_response

router = APIRouter(prefix="/api", tags=["altformats"])


class FormatOut(BaseModel):
    name: str
    description: str
    audience: str
    extension: str


class JobOut(BaseModel):
    id: int
    format: str
    state: str
    progress: float
    activity: str
    error: str | None
    files: list[str]
    size: int
    readability: dict | None
    warnings: list[str]
    settings: dict
    converter_version: str
    created_at: datetime
    finished_at: datetime | None


class VersionOut(BaseModel):
    id: int
    number: int
    source_name: str
    source_kind: str
    size: int
    easy_read_approved: bool
    jobs: list[JobOut]


class DocumentOut(BaseModel):
    id: int
    title: str
    aliases: list[str]
    status: str
    versions: list[VersionOut]


class SubmissionOut(BaseModel):
    document_id: int
    version_id: int
    jobs: list[JobOut]


class StatusIn(BaseModel):
    status: Literal["draft", "published", "withdrawn"]


class SearchHit(BaseModel):
    document: DocumentOut
    score: float


def job_out(job: Job) -> JobOut:
    names = [f"/api/jobs/{job.id}/files/{n}" for n in range(len(job.files))] if job.state == "done" else []
    return JobOut(id=job.id, format=job.format, state=job.state, progress=job.progress,
                  activity=job.activity, error=job.error, files=names, size=job.size,
                  readability=job.readability, warnings=job.warnings or [], settings=job.settings,
                  converter_version=job.converter_version, created_at=job.created_at,
                  finished_at=job.finished_at)


def document_out(doc: Document) -> DocumentOut:
    return DocumentOut(id=doc.id, title=doc.title, aliases=doc.aliases, status=doc.status, versions=[
        VersionOut(id=v.id, number=v.number, source_name=v.source_name, source_kind=v.source_kind,
                   size=v.size, easy_read_approved=v.easy_read_approved_at is not None,
                   jobs=[job_out(j) for j in v.jobs]) for v in doc.versions])


@router.get("/formats", response_model=list[FormatOut], summary="Output formats this service can make")
def list_formats(user: User = Depends(api_user)):
    ready = catalogue.ready_formats()
    return [FormatOut(name=n, description=s.description, audience=s.audience, extension=s.extension)
            for n, s in formats.OUTPUTS.items() if n in ready]


@router.get("/documents", response_model=list[DocumentOut], summary="The catalogue")
def list_documents(user: User = Depends(api_user), session: Session = Depends(get_session, scope="function")):
    return [document_out(d) for d in session.scalars(select(Document).order_by(Document.id))]


@router.post("/documents", response_model=SubmissionOut, status_code=201,
             summary="Upload a DOCX or PDF and request formats (one job per format)")
def submit_document(file: UploadFile, title: str = Form(..., min_length=1, max_length=300),
                    aliases: str = Form("", description="Other names, separated by commas"),
                    format_names: list[str] = Form([], alias="formats",
                                                   description="Formats to make; none means all"),
                    settings: str = Form("{}", description="JSON: large_print_font_size, "
                                         "easy_read_font_size, speaking_rate_wpm"),
                    document_id: int | None = Form(None, ge=1, le=MAX_ID,
                                                    description="Add a new version to this document"),
                    user: User = Depends(api_user), session: Session = Depends(get_session, scope="function")):
    try:
        choices = json.loads(settings or "{}")
    except json.JSONDecodeError:
        choices = None
    if not isinstance(choices, dict):
        raise HTTPException(422, "settings must be a JSON object.")
    existing = document_or_404(session, document_id) if document_id is not None else None
    version, jobs_ = catalogue.submit(session, file.file.read(), file.filename or "upload", title,
                                      aliases.split(","), format_names or None, choices, existing)
    return SubmissionOut(document_id=version.document_id, version_id=version.id,
                         jobs=[job_out(j) for j in jobs_])


@router.get("/documents/{document_id}", response_model=DocumentOut, summary="One document")
def get_document(document_id: RecordId, user: User = Depends(api_user), session: Session = Depends(get_session, scope="function")):
    return document_out(document_or_404(session, document_id))


@router.post("/documents/{document_id}/status", response_model=DocumentOut,
             summary="Publish or withdraw a document")
def set_document_status(document_id: RecordId, body: StatusIn, user: User = Depends(api_user),
                        session: Session = Depends(get_session, scope="function")):
    document = document_or_404(session, document_id)
    catalogue.set_status(session, document, body.status)
    return document_out(document)


@router.get("/search", response_model=list[SearchHit], summary="Find published documents by title or alias")
def search(q: str = Query(..., min_length=1, max_length=300), user: User = Depends(api_user),
           session: Session = Depends(get_session, scope="function")):
    return [SearchHit(document=document_out(d), score=s) for d, s in catalogue.find_published(session, q)]


@router.get("/jobs/{job_id}", response_model=JobOut, summary="A job's state and progress")
def get_job(job_id: RecordId, user: User = Depends(api_user), session: Session = Depends(get_session, scope="function")):
    return job_out(job_or_404(session, job_id))


@router.get("/jobs/{job_id}/files/{number}", summary="Download one output file of a finished job",
            responses={200: {"content": {"application/octet-stream": {}}}})
def get_job_file(job_id: RecordId, number: FileNumber, user: User = Depends(api_user),
                 session: Session = Depends(get_session, scope="function")):
    return file_response(job_or_404(session, job_id), number)
