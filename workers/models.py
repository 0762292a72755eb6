"""Database tables: staff users, catalogue documents and versions, conversion jobs and their events."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


# Job states. A job only ever moves forward: queued -> running -> done | failed
# (a failed job with a transient error goes back to queued when retried).
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# Catalogue states
DRAFT, PUBLISHED, WITHDRAWN = "draft", "published", "withdrawn"


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StaffSession(Base):
    """A signed-in browser. The cookie carries a random token; only its SHA-256 is kept here.
    Signing out deletes the row, so a copied or replayed cookie stops working at once."""
    __tablename__ = "staff_sessions"
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Document(Base):
    """A council document as residents know it: a title, other names, and versions."""
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    versions: Mapped[list["DocumentVersion"]] = relationship(
        back_populates="document", order_by="DocumentVersion.number")

    @property
    def latest(self) -> "DocumentVersion | None":
        return self.versions[-1] if self.versions else None


class DocumentVersion(Base):
    """One uploaded file of a document, stored by the SHA-256 of its bytes."""
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    number: Mapped[int] = mapped_column(Integer)
    source_sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_name: Mapped[str] = mapped_column(String(300))
    source_kind: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer)
    easy_read_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    easy_read_approved_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    easy_read_approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    document: Mapped[Document] = relationship(back_populates="versions")
    jobs: Mapped[list["Job"]] = relationship(back_populates="version", order_by="Job.id")


class Job(Base):
    """One output format of one document version. `key` makes repeats the same job."""
    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("document_versions.id"))
    format: Mapped[str] = mapped_column(String(40))
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    converter_version: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20), default=QUEUED, index=True)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    activity: Mapped[str] = mapped_column(String(300), default="waiting for a worker")
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The run holding a running job (workers/jobs.py claim): its random token, the process id of
    # its worker process, and when its lease ends unless renewed (progress renews it).
    claim_token: Mapped[str | None] = mapped_column(String(32), nullable=True)
    worker_pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    files: Mapped[list] = mapped_column(JSON, default=list)  # storage keys, in order
    size: Mapped[int] = mapped_column(Integer, default=0)
    readability: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    # Set when the job renders an approved easy read draft (stored under this hash) instead of the source.
    draft_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sections_total: Mapped[int] = mapped_column(Integer, default=0)
    sections_done: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    version: Mapped[DocumentVersion] = relationship(back_populates="jobs")
    sections: Mapped[list["JobSection"]] = relationship(order_by="JobSection.number")


class JobSection(Base):
    """One audio section of a fanned-out job; `done` flips once, counted on the job."""
    __tablename__ = "job_sections"
    __table_args__ = (UniqueConstraint("job_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    storage_key: Mapped[str | None] = mapped_column(String(300), nullable=True)


class JobEvent(Base):
    """What happened to a job and when (started, retried, done, failed)."""
    __tablename__ = "job_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
