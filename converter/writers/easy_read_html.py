"""Easy-read Document -> an accessible HTML page: each line a picture on the left and words on the right."""
from __future__ import annotations

import base64
import html
import re

import jinja2
from markupsafe import Markup

from .. import provenance
from ..model import Heading, Image, Paragraph, Strong, Table, inline_text
from ..result import MessageLog, Result
from ..transforms.easy_read.protect import EMAIL, PHONE, URL
from ..transforms.easy_read.pictures import ATTRIBUTION, ATTRIBUTION_URL, LICENCE_URL, TEMPLATES

PICTURE_CM = 2.2
FALLBACK_FONTS = ('"Liberation Sans"', "Arial", '"DejaVu Sans"', "sans-serif")


def font_stack(family: str) -> str:
    """The profile's font first (only name characters kept), then sans-serif fallbacks."""
    name = re.sub(r"[^A-Za-z0-9 -]", "", family).strip()
    return ", ".join(([f'"{name}"'] if name else []) + [f for f in FALLBACK_FONTS if f.strip('"') != name])


CONTACT = re.compile(f"(?P<email>{EMAIL.pattern})|(?P<web>{URL.pattern})|(?P<phone>{PHONE.pattern})")


def _contact_html(match: re.Match) -> str:
    found = html.escape(match.group(0))
    if match.group("email"):
        return f'<a href="mailto:{found}">{found}</a>'
    if match.group("web"):
        href = found if found.startswith("http") else f"https://{found}"
        return f'<a href="{href}">{found}</a>'
    return f'<span class="nobreak">{found}</span>'


def _escaped(text: str) -> str:
    """Escaped text; emails and web addresses become links, phone numbers stay on one line.

    The characters shown are exactly the source's."""
    out, at = [], 0
    for match in CONTACT.finditer(text):
        out += [html.escape(text[at:match.start()]), _contact_html(match)]
        at = match.end()
    return "".join(out + [html.escape(text[at:])])


def _html_of(inlines) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Strong):
            out.append(f"<strong>{_escaped(inline_text(node.children))}</strong>")
        else:
            out.append(_escaped(inline_text((node,))))
    return Markup("".join(out))


def _data_uri(image: Image) -> str:
    return f"data:{image.mime or 'image/svg+xml'};base64,{base64.b64encode(image.data or b'').decode('ascii')}"


def _line(row, log: MessageLog) -> dict | None:
    picture = next((b for c in row.cells for b in c.blocks if isinstance(b, Image)), None)
    words = [b for c in row.cells for b in c.blocks if isinstance(b, Paragraph)]
    text = Markup("").join(_html_of(p.inlines) for p in words)
    if not text.strip():
        return None
    if picture is None or not picture.data:
        log.warning("A line has no picture.", inline_text(words[0].inlines)[:40] if words else None)
        return {"src": "data:,", "alt": "", "html": text}
    return {"src": _data_uri(picture), "alt": picture.alt, "html": text}


def parts_of(doc, log: MessageLog) -> list[dict]:
    """The easy-read parts in order: heading, kind and lines."""
    parts: list[dict] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append({"title_html": _html_of(block.inlines), "kind": block.anchor or "section",
                          "level": 1 if block.level == 1 else 2, "id": f"part-{len(parts) + 1}", "lines": []})
        elif isinstance(block, Table) and parts:
            parts[-1]["lines"] += [line for row in block.rows if (line := _line(row, log))]
        else:
            log.warning(f"{type(block).__name__} is not part of an easy read layout; left out.")
    return parts


def environment(autoescape: bool = True) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=autoescape,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render_html(doc, profile, *, for_print: bool = False) -> Result[str]:
    """The page for screens, or (for_print) for WeasyPrint's A4 pages with a DRAFT header."""
    log = MessageLog()
    draft = not profile.approved
    size = profile.font_size
    css = environment(autoescape=False).get_template("easyread.css.j2").render(
        family=font_stack(profile.font_family), size=size, h1=round(size * 1.5, 1), h2=round(size * 1.3, 1),
        cover=round(size * 1.75, 1), picture_cm=PICTURE_CM, for_print=for_print, draft=draft)
    page = environment().get_template("page.html.j2").render(
        language=doc.meta.language or profile.language, title=doc.title, draft=draft,
        generator=provenance.generator_string(), settings=provenance.settings_string(profile),
        css=Markup(css.replace("</", "<\\/")), parts=parts_of(doc, log), attribution=ATTRIBUTION,
        attribution_url=ATTRIBUTION_URL, licence_url=LICENCE_URL, source=doc.meta.source_name,
        picture_px=round(PICTURE_CM / 2.54 * 96))
    return log.result(re.sub(r"\n{2,}", "\n", page))


def write(doc, profile, *, progress=None) -> Result[bytes]:
    """Writer contract: easy-read Document -> Result[HTML bytes, UTF-8]."""
    page = render_html(doc, profile)
    if progress:
        progress(1.0, "easy read page written")
    return Result(page.value.encode("utf-8"), page.messages)
