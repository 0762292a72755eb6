"""Document -> the same document without characters no output can hold (controls, lone surrogates)."""
from __future__ import annotations

import dataclasses
import re

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates, and the two XML non-characters.
UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BREAKING = re.compile("[\x0b\x0c\r]")  # vertical tab, form feed, carriage return: a space


def clean_string(text: str) -> str:
    return UNWRITABLE.sub("", BREAKING.sub(" ", text)) if text else text


def _clean(value):
    if isinstance(value, str):
        return clean_string(value)
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = _clean(old)
            if new is not old and new != old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def without_unwritable_characters(doc):
    """A copy of `doc` (unchanged parts shared) with every string made safe for UTF-8 and XML."""
    return _clean(doc)
