"""docProps/core.xml, docProps/app.xml, styles and settings -> Metadata.

Title: core title, else the first Title-style paragraph. Authors: core creator.
Date: core created (ISO date). Keywords: split on commas and semicolons.
Language: w:lang of the Normal style, else of the style defaults, else settings w:themeFontLang, else en-GB.
Organisation: app.xml Company. Page count: app.xml Pages (as Word last saved it).
"""
from __future__ import annotations

import re

from ...model import Metadata
from .ns import attr, qn
from .package import app_company, app_pages, core_properties

DEFAULT_LANGUAGE = "en-GB"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def read_metadata(pkg, ctx, source_name: str | None) -> Metadata:
    core = core_properties(pkg.package)
    title = _clean(getattr(core, "title", None)) or ctx.title_text or None
    author = _clean(getattr(core, "author", None))
    keywords = _clean(getattr(core, "keywords", None))
    created = getattr(core, "created", None)
    return Metadata(
        title=title,
        organisation=app_company(pkg.app_properties),
        language=document_language(ctx.styles, pkg.settings),
        date=created.date().isoformat() if created else None,
        subject=_clean(getattr(core, "subject", None)),
        authors=(author,) if author else (),
        keywords=tuple(k.strip() for k in re.split(r"[,;]", keywords) if k.strip()) if keywords else (),
        source_name=source_name,
        source_format="docx",
        page_count=app_pages(pkg.app_properties),
    )


def document_language(styles, settings_root) -> str:
    candidates = [styles.default_language()]
    if settings_root is not None:
        candidates.append(attr(settings_root.find(qn("w:themeFontLang")), "w:val"))
    for lang in candidates:
        if lang and LANGUAGE_TAG.match(lang.strip()):
            return lang.strip()
    return DEFAULT_LANGUAGE


def _clean(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
