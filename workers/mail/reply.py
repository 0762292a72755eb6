"""A decision and the files made for it -> our reply: plain text with an HTML alternative, threaded, marked automatic."""
from __future__ import annotations

import mimetypes
import re
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from converter import provenance

from .config import MailSettings
from .decide import COMPLAINT, OTHER_LANGUAGE, Decision
from .formats_wanted import AUTOMATIC, FOR_STAFF
from .parse import IncomingMessage

HERE = Path(__file__).resolve().parent
SUBJECT = "Your request for a document in another format"
OUR_MARKER = "X-Altformats-Reply"
FAMILY_NAMES = {"large-print": "large print", "easy-read": "easy read", "plain-text": "plain text",
                "audio": "audio (MP3)", "web-page": "a web page"}
_env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class OutputFile:
    """A made file for the reply: attached while within the size budget, else offered as a link."""
    path: Path
    label: str
    size: int
    url: str = ""  # the signed download link, when it will not be attached

    @property
    def size_text(self) -> str:
        return f"{self.size / 1048576:.1f} MB" if self.size >= 1048576 else f"{max(1, self.size // 1024)} KB"


def split_by_budget(files: list[OutputFile], budget_mb: float) -> tuple[list[OutputFile], list[OutputFile]]:
    """Attach files in order while the raw total stays within the budget; the rest become links."""
    attached, linked, total = [], [], 0
    for f in files:
        if total + f.size <= budget_mb * 1048576:
            attached.append(f)
            total += f.size
        else:
            linked.append(f)
    return attached, linked


def is_sensitive(titles, settings: MailSettings) -> bool:
    text = " ".join(titles).lower()
    return any(word.lower() in text for word in settings.sensitive_words)


def greeting_name(msg: IncomingMessage) -> str:
    """The sender's first name when it looks like one (never an address or a department)."""
    first = (msg.from_name or "").split()[0] if (msg.from_name or "").split() else ""
    return first if re.fullmatch(r"[A-Z][a-z'\-]{1,30}", first) else ""


def reply_text(msg: IncomingMessage, decision: Decision, reference: str, settings: MailSettings,
               attached=(), linked=(), failed=(), available=()) -> str:
    titles = [d.title for d in decision.documents]
    # Signs of danger: support numbers at the foot, unless the account may be watched (then the reply names nothing)
    care = decision.care is not None and decision.care.safeguarding
    show_support = not decision.discreet and (care or is_sensitive(titles, settings))
    context = dict(
        discreet=decision.discreet, complaint=decision.complaint or COMPLAINT in decision.reason,
        name=greeting_name(msg), action=decision.action, documents=titles, reference=reference,
        attachments=attached, links=linked, failed=failed, link_days=settings.link_days,
        staff_needs=[FOR_STAFF.get(n, n) for n in decision.formats.staff_needs],
        missing=decision.missing, available=list(available),
        asked_formats=[FAMILY_NAMES.get(f, f) for f in decision.formats.families],
        other_language=decision.reason == OTHER_LANGUAGE,
        offered=[FAMILY_NAMES.get(f, f) for f in AUTOMATIC if f != "web-page"],
        withdrawn=[d.title for d in decision.withdrawn], phone=settings.phone,
        support_text=settings.support_text if show_support else "",
        from_name=settings.from_name, council_name=settings.council_name)
    text = _env.get_template("reply.txt.j2").render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def text_to_blocks(text: str) -> list[dict]:
    """Paragraphs and '- ' lists of the plain text, for the HTML alternative (same words)."""
    blocks = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in para.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        others = [line for line in lines if not line.startswith("- ")]
        if others:
            blocks.append({"text": " ".join(others), "entries": []})
        if items:
            blocks.append({"text": "", "entries": [_item(i) for i in items]})
    return blocks


def _item(text: str) -> dict:
    label, sep, url = text.rpartition(": ")
    if sep and url.startswith(("http://", "https://")):
        return {"text": label, "url": url}
    return {"text": text, "url": ""}


def build_reply(msg: IncomingMessage, text: str, settings: MailSettings, attached=()) -> EmailMessage:
    """One recipient, neutral subject, threading headers, Auto-Submitted, our marker, no tracking."""
    reply = EmailMessage()
    domain = settings.from_address.rpartition("@")[2] or "altformats.invalid"
    reply["Message-ID"] = f"<altformats-{uuid.uuid4().hex}@{domain}>"
    reply["From"] = formataddr((settings.from_name, settings.from_address))
    reply["To"] = msg.from_addr  # one recipient: the sender, never a Reply-To list
    reply["Subject"] = SUBJECT
    reply["Date"] = formatdate(localtime=False, usegmt=True)
    if msg.message_id and not msg.message_id.startswith("sha256:"):
        reply["In-Reply-To"] = msg.message_id
        reply["References"] = " ".join([*msg.references[-10:], msg.message_id])
    reply["Auto-Submitted"] = "auto-replied"
    reply["X-Auto-Response-Suppress"] = "All"
    reply[OUR_MARKER] = provenance.generator_string()
    reply["Content-Language"] = "en-GB"
    reply.set_content(text)
    html = _env.get_template("reply.html.j2").render(subject=SUBJECT, blocks=text_to_blocks(text))
    reply.add_alternative(html, subtype="html")
    for f in attached:
        kind = mimetypes.guess_type(f.path.name)[0] or "application/octet-stream"
        main, _, sub = kind.partition("/")
        reply.add_attachment(f.path.read_bytes(), maintype=main, subtype=sub, filename=f.path.name)
    return reply
