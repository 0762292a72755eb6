"""Office Open XML namespace prefixes -> Clark names for lxml lookups."""
from __future__ import annotations

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


def qn(name: str) -> str:
    """'w:p' -> '{http://...main}p'."""
    prefix, _, local = name.partition(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def attr(element, name: str, default: str | None = None) -> str | None:
    """The value of a prefixed attribute ('w:val') of element, or default."""
    if element is None:
        return default
    return element.get(qn(name), default)


def is_on(element) -> bool:
    """A toggle property (<w:b/>, <w:b w:val="0"/>): present and not switched off."""
    if element is None:
        return False
    return attr(element, "w:val", "true").lower() not in ("0", "false", "off", "none")


def local_name(element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
