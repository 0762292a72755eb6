"""A parsed message and the catalogue -> what to do: send, ask, hand to staff, or stay silent."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .classify import SPAM, Verdict
from .find_documents import CatalogueEntry, match_documents
from .formats_wanted import FormatRequest, formats_in
from .parse import IncomingMessage

SEND = "send"  # clear request: send the formats (and hand any extra needs to staff)
ASK = "ask"  # unclear: ask kindly which document or format, listing what we have
HANDOVER = "handover"  # only things a person must do: acknowledge with a reference, queue for staff
NOT_AVAILABLE = "not-available"  # the document is unknown or withdrawn: say so, offer what exists
STAFF_QUEUE = "staff-queue"  # spam-looking: queue for staff, no reply
IGNORE = "ignore"  # auto-replies, bounces, lists, our own mail: no reply, recorded as handled


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str
    documents: tuple[CatalogueEntry, ...] = ()
    formats: FormatRequest = field(default_factory=lambda: FormatRequest((), ()))
    withdrawn: tuple[CatalogueEntry, ...] = ()
    missing: tuple[str, ...] = ()  # for ASK: "document", "format"

    @property
    def needs_staff(self) -> bool:
        return self.action in (HANDOVER, STAFF_QUEUE) or bool(self.formats.staff_needs)

    @property
    def replies(self) -> bool:
        return self.action not in (STAFF_QUEUE, IGNORE)


_FORWARD = re.compile(r"^\s*(fwd?|fw)\s*:|^\s*-{2,}\s*forwarded message|^\s*begin forwarded message:", re.I | re.M)


_THANKS_WORDS = frozenset(
    "thank thanks you so much very many that's thats is was perfect great brilliant lovely cheers ta received "
    "got it ok okay fine all good wonderful excellent kind regards best wishes again for your help".split())


def is_only_thanks(text: str) -> bool:
    """True when the words (a signature-like name on its own line aside) only thank us."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1 and len(lines[-1].split()) <= 2:
        lines = lines[:-1]  # a name signing off
    words = re.findall(r"[a-z']+", " ".join(lines).lower())
    thanked = any(w.startswith("thank") or w in ("ta", "cheers") for w in words)
    return thanked and all(w in _THANKS_WORDS for w in words)


def is_forward(msg: IncomingMessage) -> bool:
    return bool(_FORWARD.search(msg.subject or "") or _FORWARD.search(msg.text or ""))


def decide(msg: IncomingMessage, verdict: Verdict, catalogue: list[CatalogueEntry],
           thread_documents: tuple[CatalogueEntry, ...] = (), in_our_thread: bool = False) -> Decision:
    """thread_documents: the documents of our earlier reply this message answers, if any.

    in_our_thread: the message answers one of ours, so its quoted part is our own words (which may list
    every document we offer) and is never read for documents.
    """
    if not verdict.answer:
        action = STAFF_QUEUE if verdict.kind == SPAM else IGNORE
        return Decision(action, verdict.reason)
    asked = f"{msg.subject}\n{msg.new_text}"
    wanted = formats_in(asked)
    if wanted.empty and is_forward(msg):  # a colleague passing on a resident's request
        wanted = formats_in(msg.quoted_text)
    in_our_thread = in_our_thread or bool(thread_documents)
    matches = match_documents(asked, catalogue) or (
        [] if in_our_thread else match_documents(msg.quoted_text, catalogue))
    documents = tuple(m.entry for m in matches if m.entry.published)
    withdrawn = tuple(m.entry for m in matches if not m.entry.published)
    if not documents and not withdrawn and thread_documents:
        documents = tuple(d for d in thread_documents if d.published)
    if withdrawn and not documents:
        return Decision(NOT_AVAILABLE, "the document asked for is withdrawn", (), wanted, withdrawn)
    if in_our_thread and wanted.empty and is_only_thanks(msg.new_text):
        return Decision(IGNORE, "thanks for our reply: nothing more to do", documents)
    missing = tuple(x for x, absent in (("document", not documents), ("format", wanted.empty)) if absent)
    if wanted.staff_needs and not wanted.families:
        return Decision(HANDOVER, "asks for something a person must arrange", documents, wanted, withdrawn)
    if missing:
        return Decision(ASK, f"unclear: no {' or '.join(missing)} named", documents, wanted, withdrawn, missing)
    return Decision(SEND, "a clear request", documents, wanted, withdrawn)
