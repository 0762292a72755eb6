"""altformats: accessible alternative formats from council documents.

Public API:
    read(path)                      -> Result[Document]
    convert(path, outputs, out_dir) -> ConvertReport
    score(document)                 -> readability summary (see converter.readability)
"""
from __future__ import annotations

from .pipeline import convert, read_bytes, read_path

read = read_path


def score(document):
    from .readability import summary_for_document

    return summary_for_document(document)


__all__ = ["read", "read_bytes", "convert", "score"]
