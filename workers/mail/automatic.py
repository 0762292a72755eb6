"""Signs that a message was written by a machine, when its headers do not say so: calendar invitations,
bounces written as plain text, read and delivery receipts in any language, helpdesk and CRM acknowledgements
with a case number, message recalls, and mailing-list digests or newsletters whose list headers were stripped.

Each function takes an IncomingMessage and returns a short reason, or "" when the sign is absent.
"""
from __future__ import annotations

import re

from .parse import IncomingMessage

_CALENDAR_SUBJECT = re.compile(r"^\s*(updated |new )?(invitation|event invitation|invitation updated|"
                               r"cancell?ed (event|invitation)|accepted|declined|tentative(ly accepted)?)\s*:", re.I)
_CALENDAR_BODY = re.compile(r"\b(invited to (the following|this) event|google calendar|outlook calendar|"
                            r"calendar invitation|method\s*[:=]\s*request|begin:vcalendar|join with (google meet|"
                            r"microsoft teams|zoom)|going \(|accept\s*[|-]\s*tentative|yes\s*-\s*maybe\s*-\s*no)\b",
                            re.I)

# A mail system's own words about a message it could not deliver.
_BOUNCE_WORDS = re.compile(
    r"\b(could not be delivered|couldn'?t be delivered|was not delivered|message not delivered|undeliverable|"
    r"undelivered|mail delivery (failed|failure|subsystem)|delivery (has )?failed|returned mail|delivery failure|"
    r"permanent (fatal )?error|failed permanently|not be delivered to (one or more|the following))\b", re.I)
_MAIL_SYSTEM_WORDS = re.compile(
    r"\b(mail system|mail server|mailer|postmaster|following (address|recipient)s?|recipient address|"
    r"original message (follows|below)|mailbox (unavailable|full|not found|does not exist)|account (closed|disabled)|"
    r"user unknown|no such user|smtp|remote server|host [\w.-]+\.\w+)\b", re.I)

# Read and delivery receipts: the subject prefix, or the body's wording, in the languages residents' mail uses.
_RECEIPT_SUBJECT = re.compile(
    r"^\s*(read|not read|delivered|gelesen|nicht gelesen|zugestellt|lu|non lu|remis|leído|leido|no leído|"
    r"entregado|letto|consegnato|gelezen|bezorgd|afgeleverd|przeczytano|odczytano|dostarczono|läst|levererat|"
    r"lido|entregue|læst|lest|luettu)\s*:", re.I)
_RECEIPT_BODY = re.compile(
    r"\b(was|has been) (read|opened|delivered|deleted without being read)( on| to)?\b|\bread receipt\b|"
    r"\breturn receipt\b|\bdelivery receipt\b|\bse leyó\b|\bfue entregado\b|\bse entregó\b|\ba été (lu|remis|livré)\b|"
    r"\bwurde (am [^\n]{0,40})?(gelesen|zugestellt)\b|\bè stato (letto|consegnato)\b|\bis gelezen\b|"
    r"\bis (afgeleverd|bezorgd)\b|\bfoi (lida|entregue)\b|\bzostała (przeczytana|dostarczona)\b", re.I)

# A helpdesk or CRM: a ticket or case number, and the words of an automatic acknowledgement.
_CASE_NUMBER = re.compile(
    r"\b(request|ticket|case|incident|enquiry|query|reference|ref)\s*(number|no\.?|id|ref(erence)?)?\s*(is|:|#|\()?\s*"
    r"#?\(?[A-Z]{0,6}[-/]?\d{3,}[\w-]*\)?|\[?(ticket|case|crm|ref)\s*[:#]\s*[A-Z]*[-]?\d{3,}\]?|"
    r"##-\s*please type your reply above this line", re.I)
_ACK_WORDS = re.compile(
    r"\b(has been|was|have been) (received|logged|created|opened|registered|assigned)\b|\bis being (reviewed|looked at|"
    r"dealt with|processed)\b|\b(will|shall) be in touch\b|\bwithin \d+ (working |business )?(days|hours)\b|"
    r"\breply above this line\b|\bthank you for (getting in touch|contacting)\b|\bto add (additional )?comments\b",
    re.I)

# Bulk mail without list headers: a digest, or a newsletter's footer.
_DIGEST = re.compile(r"\bdigest,? vol(ume)?\.? ?\d+|\bsend [\w .-]+ mailing list submissions to\b|"
                     r"/mailman/listinfo/|\bto subscribe or unsubscribe\b|\bdigest\b[^\n]{0,30}\bissue \d+", re.I)
_NEWSLETTER_SIGNS = (
    re.compile(r"\bview (this )?(e-?mail|newsletter|message)? ?(in|on) (your |a )?(web )?browser\b", re.I),
    re.compile(r"\bunsubscribe\b", re.I),
    re.compile(r"\b(update|manage|change) (your )?(subscription|e-?mail|mailing) ?(preferences|settings)?\b", re.I),
    re.compile(r"\byou (are receiving|received|were sent) this (e-?mail|newsletter|message) because\b", re.I),
    re.compile(r"\b(opted in|signed up|subscribed) (to|at|on|for)\b", re.I),
    re.compile(r"\bin this (issue|edition)\b", re.I),
)


def calendar_invitation(msg: IncomingMessage) -> str:
    if "text/calendar" in msg.part_types or any(n.lower().endswith(".ics") for n in msg.attachment_names):
        return "a calendar invitation (text/calendar part)"
    if _CALENDAR_SUBJECT.search(msg.subject or "") and _CALENDAR_BODY.search(msg.text[:3000]):
        return "a calendar invitation"
    return ""


def plain_bounce(msg: IncomingMessage) -> str:
    """A mail system's failure notice written as plain text, from any address."""
    head = f"{msg.subject}\n{msg.text[:1500]}"
    if _BOUNCE_WORDS.search(head) and _MAIL_SYSTEM_WORDS.search(head):
        return "a delivery failure notice written as plain text"
    return ""


def receipt(msg: IncomingMessage) -> str:
    body = msg.text[:1500]
    if _RECEIPT_SUBJECT.search(msg.subject or "") and (_RECEIPT_BODY.search(body) or len(body.split()) < 120):
        return "a read or delivery receipt"
    if "disposition-notification" in (msg.headers.get("content-type", "").lower()) or \
            "report-type" in msg.headers.get("content-type", "").lower():
        return "a read or delivery receipt (report)"
    return ""


def case_acknowledgement(msg: IncomingMessage) -> str:
    """A helpdesk or CRM telling us it logged our message: answering it would start a loop."""
    text = f"{msg.subject}\n{msg.new_text[:1500] or msg.text[:1500]}"
    if _CASE_NUMBER.search(text) and _ACK_WORDS.search(text):
        return "a helpdesk or CRM acknowledgement with a case number"
    return ""


def bulk_without_headers(msg: IncomingMessage) -> str:
    text = f"{msg.subject}\n{msg.text[:20000]}"
    if _DIGEST.search(text):
        return "a mailing-list digest"
    if sum(bool(sign.search(text)) for sign in _NEWSLETTER_SIGNS) >= 2:
        return "a newsletter (bulk mail without list headers)"
    return ""


_RECALL = re.compile(r"\bwould like to recall the message\b|\brecall(ed)? (of )?(this|the) message\b", re.I)


def message_recall(msg: IncomingMessage) -> str:
    """Outlook's "Sender would like to recall the message, '...'" (its subject starts "Recall:")."""
    if msg.subject.strip().lower().startswith("recall:") or _RECALL.search(msg.text[:1000]):
        return "a request to recall an earlier message"
    return ""


def machine_written(msg: IncomingMessage) -> tuple[str, str]:
    """(kind, reason) for the first sign found: kind is "bounce", "auto-reply" or "list"; ("", "") if none."""
    for kind, check in (("auto-reply", calendar_invitation), ("bounce", plain_bounce), ("auto-reply", receipt),
                        ("auto-reply", case_acknowledgement), ("auto-reply", message_recall),
                        ("list", bulk_without_headers)):
        reason = check(msg)
        if reason:
            return kind, reason
    return "", ""
