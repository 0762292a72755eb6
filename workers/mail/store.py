"""Handled messages, reply threads, per-sender limits, the staff queue and the retention purge, in the job store."""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import CLOSED, DONE, OPEN, WORKING, MailboxPosition, MailRequest, MailThread


def now() -> datetime:
    return datetime.now(timezone.utc)


def sender_hash(address: str) -> str:
    """A one-way token for an address, so limits work without keeping the address itself."""
    return hashlib.sha256(address.strip().lower().encode("utf-8")).hexdigest()


def find(session: Session, message_key: str) -> MailRequest | None:
    return session.scalar(select(MailRequest).where(MailRequest.message_key == message_key))


def is_done(session: Session, message_key: str) -> bool:
    found = find(session, message_key)
    return found is not None and found.state == DONE


def begin(session: Session, message_key: str) -> MailRequest:
    """The row for this message (made now, or left 'working' by a run that stopped part way)."""
    row = find(session, message_key)
    if row is not None:
        return row
    row = MailRequest(message_key=message_key[:400], state=WORKING, documents=[], formats=[])
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:  # another intake process took it a moment ago
        return find(session, message_key)
    row.reference = f"AF-{row.id:06d}"
    session.commit()
    return row


def replies_today(session: Session, hashed_sender: str) -> int:
    since = now() - timedelta(days=1)
    return session.scalar(select(func.count(MailRequest.id)).where(
        MailRequest.sender_hash == hashed_sender, MailRequest.replied_at.is_not(None),
        MailRequest.replied_at >= since)) or 0


def record_reply(session: Session, row: MailRequest, reply_message_id: str, document_ids: list) -> None:
    """Our reply's Message-ID (before sending) and the documents it is about, for replies in its thread."""
    row.reply_message_id = reply_message_id
    session.merge(MailThread(reply_message_id=reply_message_id, document_ids=list(document_ids)))
    session.commit()


def finish(session: Session, row: MailRequest) -> None:
    """Mark the message handled: its reply was sent or its hand-over recorded."""
    row.state, row.done_at = DONE, now()
    session.commit()


def thread_document_ids(session: Session, message_ids) -> list | None:
    """The documents of our reply that these ids point to ([] if it named none); None if none is ours."""
    for mid in message_ids:
        if mid:
            thread = session.get(MailThread, mid.strip()[:300])
            if thread is not None:
                return list(thread.document_ids)
    return None


def thread_request(session: Session, message_ids) -> MailRequest | None:
    """The request that our reply (one of these ids) answered: what it sent, and whether it was kept discreet."""
    for mid in message_ids:
        if mid:
            row = session.scalar(select(MailRequest).where(MailRequest.reply_message_id == mid.strip()[:300]))
            if row is not None:
                return row
    return None


def position(session: Session, mailbox: str) -> MailboxPosition:
    found = session.get(MailboxPosition, mailbox)
    if found is None:
        found = MailboxPosition(mailbox=mailbox, uidvalidity=0, last_uid=0)
        session.add(found)
        session.flush()
    return found


def advance(session: Session, mailbox: str, uidvalidity: int, uid: int) -> None:
    pos = position(session, mailbox)
    if pos.uidvalidity != uidvalidity:
        pos.uidvalidity, pos.last_uid = uidvalidity, 0
    pos.last_uid = max(pos.last_uid, uid)
    session.commit()


def staff_queue(session: Session, status: str = OPEN) -> list[MailRequest]:
    return list(session.scalars(select(MailRequest).where(MailRequest.staff_status == status)
                                .order_by(MailRequest.received_at)))


def request_log(session: Session, limit: int = 200) -> list[MailRequest]:
    return list(session.scalars(select(MailRequest).order_by(MailRequest.received_at.desc()).limit(limit)))


def close_staff_item(session: Session, request_id: int) -> None:
    session.execute(update(MailRequest).where(MailRequest.id == request_id).values(staff_status=CLOSED))
    session.commit()


def purge(session: Session, retention_days: int, at: datetime | None = None) -> int:
    """Delete addresses, subjects and bodies of messages older than the retention days; how many rows."""
    cutoff = (at or now()) - timedelta(days=retention_days)
    result = session.execute(update(MailRequest).where(
        MailRequest.received_at < cutoff, MailRequest.purged.is_(False)).values(
        sender_address=None, subject=None, body=None, sender_hash=None, purged=True))
    session.execute(MailThread.__table__.delete().where(MailThread.created_at < cutoff))
    session.commit()
    return result.rowcount
