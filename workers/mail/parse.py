"""Raw email bytes -> IncomingMessage: headers we act on and the text the sender wrote.

Handles: any line endings (CRLF, LF, bare CR), broken or missing charsets
(detected with charset-normalizer), HTML-only messages (text via BeautifulSoup),
encoded headers, forwarded messages (kept as secondary text), quoted replies
and signatures (stripped from the new text).
Does not: open attachments (only their names and sizes are read).
"""
from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from .text import split_new_and_quoted

MAX_TEXT_CHARS = 20_000  # enough for any request; more is never needed to understand one


@dataclass(frozen=True)
class IncomingMessage:
    message_id: str  # the Message-ID, else "sha256:<hash of the raw bytes>"
    from_addr: str
    from_name: str
    subject: str
    headers: dict[str, str]  # lower-cased names -> decoded values (first occurrence)
    header_names: frozenset[str]
    text: str  # the whole readable body (plain text, or HTML turned into text)
    new_text: str  # what the sender wrote now: quoted replies and signature removed
    quoted_text: str  # quoted or forwarded material (used only to find the document)
    html_only: bool
    content_type: str
    in_reply_to: str | None
    references: tuple[str, ...]
    recipients: tuple[str, ...]
    attachment_names: tuple[str, ...] = field(default=())
    has_delivery_report: bool = False
    defects: int = 0
    part_types: tuple[str, ...] = ()  # content types of every part ("text/calendar" marks an invitation)

    @property
    def return_path(self) -> str | None:
        return self.headers.get("return-path")


def _decode_wide(raw: bytes) -> bytes:
    """A whole message saved as UTF-16 (it happens): back to bytes a parser can read."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:200].count(b"\x00") > 50:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            codecs = ("utf-16",)
        else:
            codecs = ("utf-16-be", "utf-16-le") if raw[:1] == b"\x00" else ("utf-16-le", "utf-16-be")
        for codec in codecs:
            try:
                return raw.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return raw


def _normalise_line_endings(raw: bytes) -> bytes:
    raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return raw.replace(b"\n", b"\r\n")


def _decode_bytes(payload: bytes, charset: str | None) -> str:
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(payload).best()
    return str(best) if best is not None else payload.decode("latin-1")


def _part_text(part) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken transfer encoding: take what is there
        payload = None
    if payload is None:
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    return _decode_bytes(payload, part.get_content_charset())


def html_to_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title"]):
        tag.decompose()
    for quote in soup.find_all("blockquote"):
        quote.insert_before("\n")
        for line in quote.get_text("\n").splitlines():
            quote.insert_before("> " + line + "\n")
        quote.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _header(msg, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:
        value = None
    if value is None:
        return ""
    try:
        return str(value).strip()
    except Exception:
        return ""


def _bodies(msg) -> tuple[str, str, list[str], bool]:
    """(plain text, html text, attachment names, has delivery report) walking all parts."""
    plain, html, names, report = [], [], [], False
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/disposition-notification", "message/feedback-report"):
            report = True
        if part.is_multipart():
            continue
        try:
            disposition = part.get_content_disposition()
            filename = part.get_filename()
        except Exception:
            disposition, filename = None, None
        if disposition == "attachment" or filename:
            names.append(filename or "attachment")
            continue
        if ctype == "text/plain":
            plain.append(_part_text(part))
        elif ctype == "text/html":
            html.append(_part_text(part))
    return "\n".join(plain), "\n".join(html), names, report


def parse_message(raw: bytes) -> IncomingMessage:
    """Parse any bytes as an email; never raises for malformed input."""
    msg = email.message_from_bytes(_normalise_line_endings(_decode_wide(raw)), policy=email.policy.default)
    headers: dict[str, str] = {}
    for name in dict.fromkeys(k.lower() for k in msg.keys()):
        headers[name] = _header(msg, name)
    from_name, from_addr = parseaddr(headers.get("from", ""))
    plain, html, names, report = _bodies(msg)
    try:
        part_types = tuple(dict.fromkeys(p.get_content_type() for p in msg.walk()))
    except Exception:
        part_types = ()
    html_only = not plain.strip() and bool(html.strip())
    text = (html_to_text(html) if html_only else plain)[:MAX_TEXT_CHARS]
    new_text, quoted = split_new_and_quoted(text)
    message_id = headers.get("message-id", "").strip()
    if not message_id:
        message_id = "sha256:" + hashlib.sha256(raw).hexdigest()
    try:
        recipients = tuple(a for _, a in getaddresses([headers.get("to", ""), headers.get("cc", "")]) if a)
    except Exception:
        recipients = ()
    return IncomingMessage(
        message_id=message_id,
        from_addr=from_addr.strip().lower(),
        from_name=from_name.strip(),
        subject=re.sub(r"\s+", " ", headers.get("subject", "")).strip(),
        headers=headers,
        header_names=frozenset(headers),
        text=text,
        new_text=new_text,
        quoted_text=quoted,
        html_only=html_only,
        content_type=msg.get_content_type(),
        in_reply_to=headers.get("in-reply-to") or None,
        references=tuple(headers.get("references", "").split()),
        recipients=recipients,
        attachment_names=tuple(names),
        has_delivery_report=report,
        defects=len(getattr(msg, "defects", []) or []),
        part_types=part_types,
    )
