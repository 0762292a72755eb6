"""Link annotations -> the words they cover, in tagged and untagged PDFs.

page_link_areas(): a page's /Link annotations as areas (each /QuadPoints quadrilateral,
else the /Rect) with a target: ("uri", address) for /URI actions, ("dest", page index,
x, y) for links inside the document (/Dest or a /GoTo action, named destinations
too: footnote references point at their note this way). Other actions (JavaScript,
launching files) are ignored.
split_by_links(): a run of text -> pieces, each word in the area whose middle it is
in carrying that area's target; words are placed with the font's glyph widths.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_AREAS_PER_PAGE = 2000
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")


@dataclass(frozen=True)
class LinkArea:
    x0: float
    y0: float
    x1: float
    y1: float
    target: tuple  # ("uri", address) or ("dest", page index, x, y)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _numbers(array, count: int) -> list[float] | None:
    try:
        values = [float(_resolve(v)) for v in array]
    except (TypeError, ValueError):
        return None
    return values if len(values) >= count else None


def _rects(annotation) -> list[tuple[float, float, float, float]]:
    quads = _resolve(annotation.get("/QuadPoints"))
    values = _numbers(quads, 8) if isinstance(quads, ArrayObject) else None
    if values:
        boxes = []
        for i in range(0, len(values) - 7, 8):
            xs, ys = values[i:i + 8:2], values[i + 1:i + 8:2]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        return boxes
    rect = _resolve(annotation.get("/Rect"))
    values = _numbers(rect, 4) if isinstance(rect, ArrayObject) else None
    if not values:
        return []
    x0, y0, x1, y1 = values[:4]
    return [(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))]


class DestinationFinder:
    """Destinations -> ("dest", page index, x, y); named destinations looked up once, lazily."""

    def __init__(self, reader, page_index_of: dict[int, int]) -> None:
        self.reader = reader
        self.page_index_of = page_index_of
        self._named: dict | None = None

    def target(self, annotation) -> tuple | None:
        action = _resolve(annotation.get("/A"))
        if isinstance(action, DictionaryObject):
            kind = action.get("/S")
            if kind == "/URI":
                uri = str(_resolve(action.get("/URI")) or "").strip().replace("\x00", "")
                return ("uri", uri) if uri.lower().startswith(SAFE_SCHEMES) else None
            if kind == "/GoTo":
                return self._destination(_resolve(action.get("/D")))
            return None
        return self._destination(_resolve(annotation.get("/Dest")))

    def _destination(self, dest) -> tuple | None:
        if isinstance(dest, ArrayObject) and dest:
            page_ref = dest[0]
            index = self.page_index_of.get(page_ref.idnum) if isinstance(page_ref, IndirectObject) else None
            if index is None and isinstance(page_ref, int):
                index = int(page_ref)
            numbers = [_resolve(v) for v in dest[2:]]
            x = next((float(v) for v in numbers[:1] if isinstance(v, (int, float))), None)
            y = next((float(v) for v in numbers[1:2] if isinstance(v, (int, float))), None)
            if str(dest[1:2][0] if len(dest) > 1 else "") in ("/FitH", "/FitBH"):
                x, y = None, x
            return ("dest", index, x, y) if index is not None else None
        if isinstance(dest, (str, bytes)):
            named = self._named_destinations().get(str(dest))
            if named is not None:
                try:
                    index = self.reader.get_destination_page_number(named)
                except Exception:
                    return None
                left, top = named.get("/Left"), named.get("/Top")
                return ("dest", index, float(left) if left is not None else None,
                        float(top) if top is not None else None)
        return None

    def _named_destinations(self) -> dict:
        if self._named is None:
            try:
                self._named = dict(self.reader.named_destinations)
            except Exception:
                self._named = {}
        return self._named


def page_link_areas(page, finder: DestinationFinder) -> list[LinkArea]:
    try:
        annotations = _resolve(page.get("/Annots"))
    except Exception:
        return []
    if not isinstance(annotations, ArrayObject):
        return []
    areas: list[LinkArea] = []
    for raw in annotations[:MAX_AREAS_PER_PAGE]:
        try:
            annotation = _resolve(raw)
            if not isinstance(annotation, DictionaryObject) or annotation.get("/Subtype") != "/Link":
                continue
            target = finder.target(annotation)
            if target is not None:
                areas.extend(LinkArea(*box, target) for box in _rects(annotation))
        except (MemoryError, KeyboardInterrupt):
            raise
        except Exception:  # one broken annotation must not lose the page
            continue
    return areas


def _covers(area: LinkArea, x0: float, x1: float, y: float, size: float) -> bool:
    middle_x, middle_y = (x0 + x1) / 2, y + 0.3 * size
    slack = 0.25 * size
    return (area.x0 - slack <= middle_x <= area.x1 + slack
            and area.y0 - slack <= middle_y <= area.y1 + slack)


def split_by_links(text: str, x: float, y: float, size: float, width: float, measure,
                   areas: list[LinkArea]) -> list[tuple[float, str, tuple | None]]:
    """[(x, text, target or None)] for one run: words grouped by the link area they are in."""
    near = [a for a in areas if a.x0 - size <= x + width and x - size <= a.x1
            and a.y0 - size <= y + 0.3 * size <= a.y1 + size]
    if not near:
        return [(x, text, None)]
    whole = next((a for a in near if _covers(a, x, x + width, y, size)
                  and a.x0 - 0.25 * size <= x and x + width <= a.x1 + 0.25 * size), None)
    if whole is not None or " " not in text.strip():
        target = whole.target if whole else next((a.target for a in near if _covers(a, x, x + width, y, size)), None)
        return [(x, text, target)]
    groups: list[list] = []  # [x, first char, last char, target]
    for match in re.finditer(r"\S+", text):
        begin = x + measure(text[:match.start()])
        end = begin + measure(match.group(0))
        target = next((a.target for a in near if _covers(a, begin, end, y, size)), None)
        if groups and groups[-1][3] == target:
            groups[-1][2] = match.end()
        else:
            groups.append([begin, match.start(), match.end(), target])
    return [(begin, text[first:last], target) for begin, first, last, target in groups]
