"""The worker service's catalogue -> documents to match, and a decision -> the made files (made now if not yet)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from converter.errors import AltformatsError

from .. import catalogue
from ..models import DONE, PUBLISHED, WITHDRAWN, Document, DocumentVersion, Job
from .find_documents import CatalogueEntry
from .formats_wanted import AUTOMATIC
from .reply import FAMILY_NAMES, OutputFile


@dataclass(frozen=True)
class MadeFile:
    job_id: int
    file_number: int
    file: OutputFile


def catalogue_entries(session: Session) -> list[CatalogueEntry]:
    """Published and withdrawn documents as the matcher sees them (drafts are not offered)."""
    rows = session.scalars(select(Document).where(Document.status.in_((PUBLISHED, WITHDRAWN)))
                           .order_by(Document.id))
    return [CatalogueEntry(str(d.id), d.title, tuple(d.aliases or ()), (), d.status == PUBLISHED) for d in rows]


def documents_of_jobs(session: Session, job_ids: list[int]) -> list[str]:
    """The catalogue ids of the documents these jobs made files of (for our download links quoted back to us)."""
    if not job_ids:
        return []
    rows = session.execute(select(DocumentVersion.document_id).join(Job, Job.version_id == DocumentVersion.id)
                           .where(Job.id.in_(job_ids)))
    return list(dict.fromkeys(str(document_id) for (document_id,) in rows))


def published_titles(entries: list[CatalogueEntry]) -> list[str]:
    return [e.title for e in entries if e.published]


def _label(title: str, family: str, path: Path) -> str:
    return f"{title}, {FAMILY_NAMES.get(family, family)}, {path.suffix.lstrip('.').upper()} file"


def _request(session, version, name: str, font_size: int | None):
    """The job for this format, at the asked font size when the format allows it (else its default)."""
    if font_size:
        try:
            return catalogue.request_conversion(session, version, name, {"font_size": float(font_size)})
        except AltformatsError:
            session.rollback()
    return catalogue.request_conversion(session, version, name)


def make_files(entries: tuple[CatalogueEntry, ...], families: tuple[str, ...], font_size: int | None,
               wait_seconds: float) -> tuple[list[MadeFile], list[str]]:
    """Request each format of each document from the worker service and wait for it; (files, what failed)."""
    from .. import db

    ready = set(catalogue.ready_formats())
    pending, failed = [], []
    with db.session() as s:
        for entry in entries:
            document = s.get(Document, int(entry.document_id))
            version = document.latest if document is not None else None
            for family in families:
                names = [n for n in AUTOMATIC.get(family, ()) if n in ready]
                if version is None or not names:
                    failed.append(f"{entry.title}, {FAMILY_NAMES.get(family, family)}")
                    continue
                for name in names:
                    job = _request(s, version, name, font_size if family == "large-print" else None)
                    pending.append((job.id, entry.title, family))
    made = []
    for job_id, title, family in pending:
        job = catalogue.wait_for(job_id, timeout=wait_seconds)
        if job is None or job.state != DONE:
            failed.append(f"{title}, {FAMILY_NAMES.get(family, family)}")
            continue
        for number, path in enumerate(catalogue.output_paths(job)):
            made.append(MadeFile(job_id, number, OutputFile(path, _label(title, family, path), path.stat().st_size)))
    return made, sorted(set(failed))
