"""Database tables for email requests: handled messages, mailbox positions and our replies' threads."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..models import Base, utcnow

# Where a message is in its handling. A message is "done" only after its reply is sent
# or its hand-over is recorded; "working" rows are picked up again after a restart.
WORKING, DONE = "working", "done"
# Staff queue states
OPEN, CLOSED = "open", "closed"


class MailRequest(Base):
    """One incoming message: what we decided and did. Personal data is purged after the retention days."""
    __tablename__ = "mail_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_key: Mapped[str] = mapped_column(String(400), unique=True)  # Message-ID, else sha256 of the bytes
    reference: Mapped[str] = mapped_column(String(20), default="")  # told to the resident, e.g. AF-000012
    state: Mapped[str] = mapped_column(String(20), default=WORKING, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="")  # classify verdict kind
    action: Mapped[str] = mapped_column(String(20), default="")  # send / ask / handover / ... / rate-limited
    reason: Mapped[str] = mapped_column(String(300), default="")
    documents: Mapped[list] = mapped_column(JSON, default=list)  # titles asked for
    formats: Mapped[list] = mapped_column(JSON, default=list)  # format families and staff needs
    staff_status: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    sender_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    sender_address: Mapped[str | None] = mapped_column(String(320), nullable=True)  # personal: purged
    subject: Mapped[str | None] = mapped_column(String(500), nullable=True)  # personal: purged
    body: Mapped[str | None] = mapped_column(Text, nullable=True)  # personal: purged
    reply_message_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    attachments: Mapped[int] = mapped_column(Integer, default=0)
    links: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    purged: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class MailThread(Base):
    """One of our replies (by its Message-ID) and the catalogue documents it was about."""
    __tablename__ = "mail_threads"
    reply_message_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    document_ids: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class MailboxPosition(Base):
    """How far the IMAP intake has read a folder: its UIDVALIDITY and the highest UID handled."""
    __tablename__ = "mail_mailbox_positions"
    mailbox: Mapped[str] = mapped_column(String(300), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger, default=0)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
