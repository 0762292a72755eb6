"""Easy-read Document -> the editable draft text (Markdown with [picture] names; see docs/easy-read.md)."""
from __future__ import annotations

from .. import provenance
from ..model import Heading, Image, Paragraph, Strong, Table, Text, inline_text
from ..result import MessageLog, Result
from ..transforms.easy_read.pictures import ATTRIBUTION

HELP = """<!-- Easy read draft. One line is one idea. Edit the words freely.
     [name] at the start of a line chooses its picture: a name from
     templates/easyread/pictures.toml or an OpenMoji hexcode like [1F4DE].
     **Bold** marks key words. Make the documents with:
     altformats easy-read render THIS-FILE --approved -->"""


def _markdown(inlines) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Strong):
            out.append(f"**{inline_text(node.children)}**")
        elif isinstance(node, Text):
            out.append(node.text)
        else:
            out.append(inline_text((node,)))
    return "".join(out).replace("\n", " ")


def _row_line(row, log: MessageLog) -> str | None:
    picture = next((b for c in row.cells for b in c.blocks if isinstance(b, Image)), None)
    texts = [_markdown(b.inlines) for c in row.cells for b in c.blocks if isinstance(b, Paragraph)]
    text = " ".join(t.strip() for t in texts if t.strip())
    if not text:
        return None
    if picture is None or not picture.title:
        log.warning("A line had no picture name; the draft leaves it to be chosen.", text[:40])
        return text
    return f"[{picture.title}] {text}"


def draft_lines(doc, profile, log: MessageLog) -> list[str]:
    status = "approved" if getattr(profile, "approved", False) else "draft"
    lines = ["---", f"title: {doc.title}", f"organisation: {doc.meta.organisation or ''}",
             f"source: {doc.meta.source_name or ''}", f"status: {status}",
             f"made by: {provenance.generator_string()}", f"settings: {provenance.settings_string(profile)}",
             f"pictures: {ATTRIBUTION}", "---", "", HELP]
    for block in doc.blocks:
        if isinstance(block, Heading):
            marks = "#" if block.level == 1 else "##"
            kind = f" {{#{block.anchor}}}" if block.anchor else ""
            lines += ["", f"{marks} {_markdown(block.inlines)}{kind}", ""]
        elif isinstance(block, Table):
            lines += [line for row in block.rows if (line := _row_line(row, log))]
        else:
            log.warning(f"{type(block).__name__} is not part of an easy-read draft; its text is kept as a line.")
            lines.append(inline_text(getattr(block, "inlines", ())) or "")
    return lines


def write(doc, profile, *, progress=None) -> Result[bytes]:
    """Writer contract: easy-read Document -> Result[draft bytes, UTF-8, LF endings]."""
    log = MessageLog()
    text = "\n".join(draft_lines(doc, profile, log)).strip("\n") + "\n"
    if progress:
        progress(1.0, "draft written")
    return log.result(text.encode("utf-8"))
