"""Document -> one accessible HTML5 page (Jinja2 template, inline CSS, images as data URIs)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..model import Document
from ..profiles import StandardPrintProfile
from ..provenance import generator_string, settings_string
from ..result import MessageLog, Result
from .clean_text import without_unwritable_characters
from .html_nodes import HtmlBody, HtmlOptions
from .source_contents import without_source_contents


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    return Environment(loader=PackageLoader("converter", "templates"),
                       autoescape=select_autoescape(disabled_extensions=("css.j2",), default=True),
                       keep_trailing_newline=True, trim_blocks=False)


def template_text(name: str) -> str:
    """A static asset from converter/templates (read from the installed package)."""
    return resources.files("converter").joinpath("templates", name).read_text(encoding="utf-8")


def contents_tree(entries) -> list[tuple]:
    """Level-2 headings, each with its level-3 headings: [(entry, [entry, ...]), ...]."""
    tree: list[tuple] = []
    for entry in entries:
        if entry.level == 2:
            tree.append((entry, []))
        elif entry.level == 3 and tree:
            tree[-1][1].append(entry)
    return tree


def render_page(doc: Document, profile, css: str, options: HtmlOptions | None = None) -> Result[str]:
    """The full HTML page for `doc` with the given stylesheet; shared by the HTML and PDF writers."""
    doc = without_unwritable_characters(doc)
    log = MessageLog()
    doc = without_source_contents(doc, log, "the page has its own contents list, linked to the headings")
    body = HtmlBody(doc, options or HtmlOptions(), log)
    content = body.blocks(doc.blocks)
    notes = body.notes()  # after the body: notes are numbered in order of first reference
    language = doc.meta.language or getattr(profile, "language", "en-GB")
    page = template_environment().get_template("page.html.j2").render(
        lang=language, title=body.title_text(), generator=generator_string(),
        settings=settings_string(profile), css=Markup(css),
        organisation=doc.meta.organisation, subject=doc.meta.subject,
        keywords=", ".join(doc.meta.keywords),
        contents=contents_tree(body.entries), body=content, notes=notes,
    )
    return body.log.result(page)


def write(doc: Document, profile: StandardPrintProfile | None = None, *, progress=None) -> Result[bytes]:
    """The document as a single self-contained, accessible HTML page (UTF-8)."""
    profile = profile or StandardPrintProfile()
    page = render_page(doc, profile, template_text("screen.css"))
    if progress:
        progress(1.0, "HTML page written")
    return Result(page.value.encode("utf-8"), page.messages)
