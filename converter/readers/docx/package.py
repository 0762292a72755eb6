"""DOCX bytes -> the parts the reader needs (document, styles, numbering, notes, properties) as lxml trees.

The zip is checked by converter.readers.zip_safety before python-docx opens it;
python-docx's OPC layer then resolves relationships (so documents whose main part
is not called word/document.xml still open), and each XML part is parsed with a
parser that resolves no entities and fetches nothing from the network.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docx.opc.exceptions import PackageNotFoundError
from docx.package import Package
from lxml import etree

from ...errors import BadInputError
from ..zip_safety import open_zip_safely
from .ns import NAMESPACES

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
MAIN_PART = re.compile(r"^word/document\d*\.xml$")
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/wordprocessingml/main"


@dataclass
class DocxPackage:
    package: object  # docx.package.Package
    main_part: object  # the main document part (python-docx Part)
    document: object  # lxml root of the main document
    styles: object | None
    numbering: object | None
    footnotes: object | None
    endnotes: object | None
    footnotes_part: object | None
    endnotes_part: object | None
    settings: object | None
    app_properties: object | None


def open_package(data: bytes, limits, path: str | None) -> DocxPackage:
    archive = open_zip_safely(data, limits, path)
    if not any(MAIN_PART.match(name) for name in archive.namelist()):
        raise BadInputError(
            "This zip file is not a Word document (it has no word/document.xml).",
            path=path, hint="Send a Word document (.docx) or a PDF.",
        )
    try:
        package = Package.open(io.BytesIO(data))
        main = package.main_document_part
        document = parse_part(main)
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error,
            EOFError, NotImplementedError, OSError, UnicodeDecodeError, struct.error) as exc:
        raise BadInputError(
            f"The Word document is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:120]}).",
            path=path, hint="Open it in Word, save it again as .docx, and resend it.",
        ) from None
    if document.tag.startswith("{" + STRICT_NAMESPACE):
        raise BadInputError(
            "This document is saved as 'Strict Open XML', which we do not read.",
            path=path, hint="In Word choose File > Save As > 'Word Document (*.docx)' and resend it.",
        )
    return DocxPackage(
        package, main, document,
        styles=related_xml(main, "/styles", path), numbering=related_xml(main, "/numbering", path),
        footnotes=related_xml(main, "/footnotes", path), endnotes=related_xml(main, "/endnotes", path),
        footnotes_part=related_part(main, "/footnotes"), endnotes_part=related_part(main, "/endnotes"),
        settings=related_xml(main, "/settings", path), app_properties=related_xml(package, "/extended-properties", path),
    )


def parse_part(part):
    return etree.fromstring(part.blob, SAFE_PARSER)


def related_part(source, reltype_suffix: str):
    """The part `source` relates to by this relationship type, or None."""
    for rel in source.rels.values():
        if not rel.is_external and rel.reltype.endswith(reltype_suffix):
            return rel.target_part
    return None


def related_xml(source, reltype_suffix: str, path: str | None):
    """The lxml root of the part `source` relates to by this relationship type, or None."""
    part = related_part(source, reltype_suffix)
    if part is None:
        return None
    try:
        return parse_part(part)
    except etree.XMLSyntaxError:
        return None  # a damaged secondary part: read the text without it


def core_properties(package):
    """python-docx CoreProperties, or None when the part is missing or damaged."""
    try:
        return package.core_properties
    except Exception:  # noqa: BLE001 - a broken docProps/core.xml must not stop the text
        return None


def app_company(app_root) -> str | None:
    if app_root is None:
        return None
    el = app_root.find(f"{{{NAMESPACES['ep']}}}Company")
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def app_pages(app_root) -> int | None:
    if app_root is None:
        return None
    el = app_root.find(f"{{{NAMESPACES['ep']}}}Pages")
    return int(el.text) if el is not None and el.text and el.text.strip().isdigit() else None
