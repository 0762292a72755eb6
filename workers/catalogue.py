"""Uploaded documents -> catalogue entries (title, aliases, versions, outputs) and conversion requests.

This is the API the web app, the JSON API and email intake share:

    with db.session() as s:
        version = catalogue.add_version(s, catalogue.add_document(s, "Domestic abuse strategy"), data, "x.docx")
        job = catalogue.request_conversion(s, version, "large-print-pdf")
    catalogue.wait_for(job.id)           # -> the finished Job (state 'done' or 'failed')
    catalogue.output_paths(job)          # -> local files to attach or download
    catalogue.find_published(s, "domestic abuse")   # -> [(Document, score)], best first
"""
from __future__ import annotations

import hashlib
import importlib.util
import time
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from converter import formats
from converter.errors import BadInputError, FileTooLargeError
from converter.sniff import sniff

from . import db, jobs, settings, storage
from .models import DONE, DRAFT, FAILED, PUBLISHED, WITHDRAWN, Document, DocumentVersion, Job


def readable_kinds() -> list[str]:
    """Input kinds whose reader is installed (DOCX and PDF in a full install)."""
    return [k for k, spec in formats.READERS.items()
            if importlib.util.find_spec(spec.reader.partition(":")[0]) is not None]


def ready_formats() -> list[str]:
    """Output formats whose writer and transforms are all installed, in registry order."""
    def importable(dotted: str) -> bool:
        try:
            return callable(formats.load(dotted))
        except (ImportError, AttributeError):
            return False

    return [name for name, spec in formats.OUTPUTS.items()
            if importable(spec.writer) and all(importable(t) for t in spec.transforms)]


def check_upload(data: bytes, filename: str) -> str:
    """The reader kind of an upload, decided by its content; BadInputError if refused."""
    limit = settings.get().upload_max_mb
    if len(data) > limit * 1024 * 1024:
        raise FileTooLargeError(f"The file is {len(data) / 1048576:.1f} MB, over the {limit:g} MB limit.",
                                path=filename, hint="Compress its pictures or split the document.")
    kind = sniff(data, filename)
    if kind not in readable_kinds():
        raise BadInputError(f"This service cannot read {kind} files yet.", path=filename,
                            hint="Upload a Word document (.docx) or a PDF.")
    return kind


def add_document(session: Session, title: str, aliases: list[str] | tuple = ()) -> Document:
    title = " ".join(title.split())
    if not title:
        raise BadInputError("A document needs a title.", hint="Give the title residents know it by.")
    doc = Document(title=title[:300], aliases=clean_aliases(aliases), status=DRAFT)
    session.add(doc)
    session.flush()
    return doc


def clean_aliases(aliases) -> list[str]:
    seen, out = set(), []
    for alias in aliases:
        alias = " ".join(str(alias).split())[:200]
        if alias and alias.lower() not in seen:
            seen.add(alias.lower())
            out.append(alias)
    return out


def add_version(session: Session, document: Document, data: bytes, filename: str) -> DocumentVersion:
    """Store the file by its SHA-256 (never by the name given) and add it as the next version."""
    kind = check_upload(data, filename)
    sha = hashlib.sha256(data).hexdigest()
    store = storage.default()
    if not store.exists(storage.source_key(sha)):
        store.put(storage.source_key(sha), data)
    number = (session.scalar(select(func.max(DocumentVersion.number))
                             .where(DocumentVersion.document_id == document.id)) or 0) + 1
    version = DocumentVersion(document_id=document.id, number=number, source_sha256=sha,
                              source_name=Path(filename or "document").name[:300], source_kind=kind,
                              size=len(data))
    session.add(version)
    session.flush()
    return version


def request_conversion(session: Session, version: DocumentVersion, format_name: str,
                       settings_: dict | None = None) -> Job:
    """The job making this output; queued for a worker when new (or when it failed before)."""
    from .tasks import enqueue

    job, created = jobs.find_or_create(session, version.id, version.source_sha256, format_name, settings_)
    session.commit()  # the worker must see the row before it sees the message
    if created:
        enqueue(job.id)
    return job


APPROVED_RENDERINGS = ("easy-read-docx", "easy-read-html", "easy-read-pdf")


def render_approved(session: Session, version: DocumentVersion, font_size: float | None = None) -> list[Job]:
    """Jobs making the finished easy read documents from the version's approved draft text."""
    from .tasks import enqueue

    if version.easy_read_text is None or version.easy_read_approved_at is None:
        raise BadInputError("The easy read draft has not been approved.",
                            hint="Edit the draft, then choose Approve.")
    data = version.easy_read_text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    store = storage.default()
    if not store.exists(storage.source_key(sha)):
        store.put(storage.source_key(sha), data)
    settings_ = {"approved": True, **({"font_size": font_size} if font_size else {})}
    made = []
    for name in [n for n in APPROVED_RENDERINGS if n in ready_formats()]:
        job, created = jobs.find_or_create(session, version.id, sha, name, settings_, draft=True)
        made.append((job, created))
    session.commit()
    for job, created in made:
        if created:
            enqueue(job.id)
    return [job for job, _ in made]


def version_jobs(session: Session, version: DocumentVersion) -> list[Job]:
    """Every job made from this version's bytes, including ones first asked for by another upload."""
    return list(session.scalars(select(Job).join(DocumentVersion, Job.version_id == DocumentVersion.id)
                                .where(DocumentVersion.source_sha256 == version.source_sha256)
                                .order_by(Job.id)))


def retry(session: Session, job: Job) -> Job:
    """Queue a failed job again (after a fix to the document or the converter)."""
    from .tasks import enqueue

    if job.state == FAILED:
        job.state, job.error, job.progress, job.activity = "queued", None, 0.0, "waiting for a worker"
        jobs.record(session, job.id, "retried", "by staff")
        session.commit()
        enqueue(job.id)
    return job


def set_status(session: Session, document: Document, status: str) -> None:
    if status not in (DRAFT, PUBLISHED, WITHDRAWN):
        raise BadInputError(f"Unknown catalogue status '{status}'.", hint="Use published or withdrawn.")
    document.status = status
    session.flush()


def publish(session: Session, document: Document) -> None:
    set_status(session, document, PUBLISHED)


def withdraw(session: Session, document: Document) -> None:
    set_status(session, document, WITHDRAWN)


def find_published(session: Session, query: str, limit: int = 5, cutoff: float = 60.0):
    """Published documents whose title or an alias matches the words, as [(Document, score 0..100)]."""
    wanted = " ".join(query.lower().split())
    if not wanted:
        return []
    found = []
    for doc in session.scalars(select(Document).where(Document.status == PUBLISHED)):
        names = [doc.title, *doc.aliases]
        score = max(100.0 if n.lower() == wanted else fuzz.token_set_ratio(wanted, n.lower()) for n in names)
        if score >= cutoff:
            found.append((doc, float(score)))
    found.sort(key=lambda pair: (-pair[1], pair[0].title))
    return found[:limit]


def output_paths(job: Job) -> list[Path]:
    """Local paths of a finished job's files ([] until it is done)."""
    if job.state != DONE:
        return []
    store = storage.default()
    return [store.local_path(key) for key in job.files]


def wait_for(job_id: int, timeout: float = 600.0, poll: float = 0.5) -> Job:
    """Block until the job is done or failed (or the timeout passes); return its latest row."""
    deadline = time.monotonic() + timeout
    while True:
        with db.session() as s:
            job = s.get(Job, job_id)
            if job is None or job.state in (DONE, FAILED) or time.monotonic() >= deadline:
                return job
        time.sleep(poll)


# Settings staff may choose, by output format: setting name -> applies to these formats.
CHOOSABLE_SETTINGS = {
    "large_print_font_size": ("font_size", ("large-print-docx", "large-print-pdf")),
    "easy_read_font_size": ("font_size", ("easy-read-docx", "easy-read-html", "easy-read-pdf",
                                           "easy-read-draft")),
    "speaking_rate_wpm": ("rate_wpm", ("audio",)),
}


def settings_for(format_name: str, choices: dict | None) -> dict:
    """The profile settings for one format from the staff's choices (unset choices are skipped)."""
    out = {}
    for choice, (field, applies_to) in CHOOSABLE_SETTINGS.items():
        value = (choices or {}).get(choice)
        if value not in (None, "") and format_name in applies_to:
            out[field] = float(value) if field == "font_size" else int(value)
    return out


def submit(session: Session, data: bytes, filename: str, title: str, aliases=(),
           format_names: list[str] | None = None, choices: dict | None = None,
           document: Document | None = None):
    """Add a document (or a new version of one) and request each format; returns (version, jobs)."""
    names = [formats.output(n).name for n in (format_names or ready_formats())]
    ready = set(ready_formats())
    missing = [n for n in names if n not in ready]
    if missing:
        raise BadInputError(f"This service cannot make {', '.join(missing)} yet.",
                            hint=f"Choose from: {', '.join(sorted(ready))}.")
    for name in names:  # check every setting before storing anything
        jobs.canonical_settings(name, settings_for(name, choices))
    document = document or add_document(session, title, aliases)
    version = add_version(session, document, data, filename)
    found = [request_conversion(session, version, n, settings_for(n, choices)) for n in names]
    return version, found
