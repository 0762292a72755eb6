"""One incoming message's raw bytes -> understood, decided, answered (or handed to staff), and recorded once."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from .. import db
from . import store
from .classify import SPAM, classify
from .config import MailSettings
from .decide import SEND, decide
from .links import jobs_linked, link_for
from .models import DONE, OPEN, MailRequest
from .outputs import catalogue_entries, documents_of_jobs, make_files, published_titles
from .parse import IncomingMessage, parse_message
from .privacy import install, redact
from .safeguarding import Care
from .reply import OUR_MARKER, OutputFile, build_reply, reply_text, split_by_budget
from .send import SendError, send

log = install()
RATE_LIMITED = "rate-limited"
SAFEGUARDING = "safeguarding"  # the row's kind when the message shows signs of danger or control
DISCREET = "discreet"  # the row's kind when it asked for another address (no sign of danger): reply named nothing
FAULT = "fault"  # our code could not read it: staff queue, no reply


@dataclass(frozen=True)
class Outcome:
    message_key: str
    action: str
    reference: str = ""
    replied: bool = False
    already_handled: bool = False


def handle(raw: bytes, settings: MailSettings) -> Outcome:
    """Handle a message exactly once. SendError leaves it unhandled so the intake tries again later.

    A message that trips a fault in our own code (for example MIME nested thousands deep) goes to the
    staff queue unanswered, so one bad message never stops the intake or comes back at every poll.
    A job store that cannot be reached is not such a fault: it stops the intake with nothing marked.
    """
    try:
        return _handle(raw, settings)
    except (SendError, SQLAlchemyError):
        raise
    except Exception as exc:  # noqa: BLE001 - recorded for staff, never lost
        return _record_fault(raw, f"{type(exc).__name__}: {str(exc)[:300]}")


def _record_fault(raw: bytes, error: str) -> Outcome:
    key = "sha256:" + hashlib.sha256(raw).hexdigest()
    try:
        key = parse_message(raw).message_id
    except Exception:  # noqa: BLE001 - the raw bytes' hash is the key then
        pass
    with db.session() as s:
        row = store.begin(s, key)
        if row.state != DONE:
            row.action, row.staff_status = FAULT, OPEN
            row.reason, row.error = "could not be read automatically", redact(error)
            store.finish(s, row)
        reference = row.reference
    log.warning("message %s: could not be read automatically; passed to staff", reference)
    return Outcome(key, FAULT, reference)


def _handle(raw: bytes, settings: MailSettings) -> Outcome:
    msg = parse_message(raw)
    with db.session() as s:
        row = store.find(s, msg.message_id)
        if row is not None and row.state == DONE:
            return Outcome(row.message_key, row.action, row.reference, bool(row.replied_at), True)
        row = store.begin(s, msg.message_id)
        if row.reply_message_id:  # a restart cut the run short while replying: never answer twice
            if row.replied_at is None:  # it may or may not have gone: a person checks
                row.staff_status, row.error = OPEN, "stopped while sending the reply; check it was received"
            store.finish(s, row)
            return Outcome(row.message_key, row.action, row.reference, row.replied_at is not None, True)
        decision, entries = _decide(s, msg, settings)
        action = decision.action
        hashed = store.sender_hash(msg.from_addr) if msg.from_addr else None
        if decision.replies and hashed and store.replies_today(s, hashed) >= settings.replies_per_sender_per_day:
            action = RATE_LIMITED
        _record_decision(row, msg, decision, action, hashed)
        s.commit()
        row_id, reference = row.id, row.reference
    log.info("message %s: %s (%s)", reference, action, decision.reason)
    replied = False
    if decision.replies and action != RATE_LIMITED:
        try:
            _answer(msg, decision, row_id, reference, settings, published_titles(entries))
            replied = True
        except SendError:
            raise
        except Exception as exc:  # a fault on our side: a person takes it over, the resident is not left waiting
            log.exception("message %s: could not be answered automatically", reference)
            _hand_to_staff(row_id, f"{type(exc).__name__}: {exc}", msg)
    with db.session() as s:
        store.finish(s, s.get(MailRequest, row_id))
    return Outcome(msg.message_id, action, reference, replied)


def _decide(session, msg: IncomingMessage, settings: MailSettings):
    entries = catalogue_entries(session)
    by_id = {e.document_id: e for e in entries}
    our_ids = [msg.in_reply_to, *reversed(msg.references)]
    thread_ids = store.thread_document_ids(session, our_ids)
    verdict = classify(msg, settings.all_our_addresses, OUR_MARKER)
    documents = tuple(by_id[i] for i in thread_ids or () if i in by_id) or \
        tuple(by_id[i] for i in documents_of_jobs(session, jobs_linked(msg.text)) if i in by_id)
    earlier = store.thread_request(session, our_ids) if thread_ids is not None else None
    formats = tuple(earlier.formats or ()) if earlier is not None and earlier.action == SEND else ()
    care = None
    if earlier is not None and earlier.kind in (SAFEGUARDING, DISCREET):  # that account may be watched still
        care = Care("answers a reply we kept discreet", earlier.kind == SAFEGUARDING, True)
    return decide(msg, verdict, entries, documents, in_our_thread=thread_ids is not None,
                  thread_formats=formats, thread_care=care), entries


def _record_decision(row: MailRequest, msg: IncomingMessage, decision, action: str, hashed) -> None:
    """What staff see in the request log. The address and words are kept only when a person must act."""
    row.action, row.reason = action, decision.reason[:300]
    row.documents = [d.title for d in decision.documents + decision.withdrawn]
    row.formats = list(decision.formats.families + decision.formats.staff_needs)
    row.sender_hash = hashed
    if decision.needs_staff:
        row.staff_status = OPEN
        row.sender_address = (msg.from_addr or "")[:320]
        row.subject = (msg.subject or "")[:500]
        row.body = msg.new_text[:20000] if decision.action != "staff-queue" else msg.text[:20000]
    if decision.action == "staff-queue":
        row.kind = SPAM
    if decision.care is not None:  # the reason, shown to staff, says what was seen ("safeguarding: ...")
        row.kind = SAFEGUARDING if decision.care.safeguarding else DISCREET


def _hand_to_staff(row_id: int, error: str, msg: IncomingMessage) -> None:
    with db.session() as s:
        row = s.get(MailRequest, row_id)
        row.staff_status, row.error = OPEN, error[:4000]
        row.sender_address = (msg.from_addr or "")[:320]
        row.subject, row.body = (msg.subject or "")[:500], msg.new_text[:20000]


def _answer(msg, decision, row_id: int, reference: str, settings: MailSettings, titles: list[str]) -> None:
    made, failed = ([], [])
    if decision.action == SEND and decision.formats.families:
        made, failed = make_files(decision.documents, decision.formats.families, decision.formats.font_size,
                                  settings.conversion_wait_seconds)
    attached, linked = split_by_budget([m.file for m in made], settings.attachment_budget_mb)
    links = {id(m.file): link_for(settings.public_url, m.job_id, m.file_number) for m in made}
    linked = [OutputFile(f.path, f.label, f.size, links[id(f)]) for f in linked]
    text = reply_text(msg, decision, reference, settings, attached, linked, failed, titles)
    message = build_reply(msg, text, settings, attached)
    with db.session() as s:  # the reply's id first, so a restart mid-send never sends a second one
        # a reply that must name nothing remembers no document either: a later "yes please" in its thread is asked
        store.record_reply(s, s.get(MailRequest, row_id), message["Message-ID"],
                           [] if decision.discreet else [d.document_id for d in decision.documents])
    try:
        send(message, settings)
    except SendError:
        with db.session() as s:
            s.get(MailRequest, row_id).reply_message_id = None
        raise
    with db.session() as s:
        row = s.get(MailRequest, row_id)
        row.replied_at, row.attachments, row.links = store.now(), len(attached), len(linked)
        if failed:
            row.staff_status, row.error = OPEN, "not made: " + "; ".join(failed)
            row.sender_address = (msg.from_addr or "")[:320]
