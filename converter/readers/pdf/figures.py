"""A tagged /Figure -> a model Image: its alt text, and the picture drawn where it is.

The picture is the image XObject drawn (Do) inside the figure's marked content, else
the one whose drawn box overlaps the figure's /BBox most (at least half of either).
Its bytes come from pypdf (JPEG kept as it is; other encodings become PNG). Figures
drawn as vector graphics (charts exported as lines and shapes) have no picture to
take: they keep their alt text without bytes, which every writer handles.
A figure without /Alt or /ActualText keeps an empty alt text and a warning, so it is
flagged as needing a description (as the DOCX reader does).
"""
from __future__ import annotations

import io

from pypdf.generic import DictionaryObject, IndirectObject

from ...model import Image
from .tagged import TaggedFigure

MAX_PIXELS = 40_000_000
MIME = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif"}
PX_PER_POINT = 96 / 72


def drawn_box(matrix: list[float]) -> tuple[float, float, float, float]:
    """The box an image drawn with this matrix covers (the unit square transformed)."""
    a, b, c, d, e, f = matrix
    xs = [e, a + e, c + e, a + c + e]
    ys = [f, b + f, d + f, b + d + f]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(box, other) -> float:
    """Intersection area over the smaller box's area."""
    width = min(box[2], other[2]) - max(box[0], other[0])
    height = min(box[3], other[3]) - max(box[1], other[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((box[2] - box[0]) * (box[3] - box[1]), (other[2] - other[0]) * (other[3] - other[1]))
    return width * height / smaller if smaller > 0 else 0.0


def _image_names(page) -> set[str]:
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        xobjects = xobjects.get_object() if isinstance(xobjects, IndirectObject) else xobjects
        if not isinstance(xobjects, DictionaryObject):
            return set()
        return {str(name) for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"}
    except Exception:
        return set()


def matching_draw(figure: TaggedFigure, page_ref: int | None, draws: list, page) -> tuple | None:
    """(XObject name, drawn box) of the picture that belongs to the figure, or None."""
    names = _image_names(page)
    images = [(name, drawn_box(matrix), mark) for name, matrix, mark in draws if name in names]
    mcids = {mcid for ref, mcid in figure.keys if ref == page_ref}
    inside = [(name, box) for name, box, mark in images if mark in mcids]
    if inside:
        return inside[0]
    if figure.bbox is None:
        return None
    scored = [(_overlap(figure.bbox, box), name, box) for name, box, _ in images]
    best = max(scored, default=None)
    return (best[1], best[2]) if best and best[0] >= 0.5 else None


def figure_image(figure: TaggedFigure, drawn: tuple | None, page, where: str, log) -> Image:
    if not figure.alt:
        log.warning(f"A figure on {where} has no alt text; it needs a description.", where=where)
    data, mime, size = None, None, (None, None)
    if drawn is not None:
        name, box = drawn
        data, mime = _picture_bytes(page, name, where, log)
        size = (round((box[2] - box[0]) * PX_PER_POINT), round((box[3] - box[1]) * PX_PER_POINT))
    elif figure.alt:
        log.info(f"A figure on {where} is drawn as shapes, not a picture; only its alt text is kept.",
                 where=where)
    return Image(alt=figure.alt, data=data, mime=mime, width_px=size[0], height_px=size[1])


def _picture_bytes(page, name: str, where: str, log) -> tuple[bytes | None, str | None]:
    try:
        xobject = page["/Resources"].get_object()["/XObject"].get_object()[name].get_object()
        if int(xobject.get("/Width", 0)) * int(xobject.get("/Height", 0)) > MAX_PIXELS:
            log.warning(f"The picture of a figure on {where} is too large to copy; its alt text is kept.",
                        where=where)
            return None, None
        picture = page.images[name]
        extension = "." + picture.name.rsplit(".", 1)[-1].lower() if "." in picture.name else ""
        if extension in MIME:
            return picture.data, MIME[extension]
        out = io.BytesIO()
        picture.image.save(out, "PNG")
        return out.getvalue(), "image/png"
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # an unreadable picture keeps its alt text
        log.warning(f"The picture of a figure on {where} could not be read ({type(exc).__name__}); "
                    "its alt text is kept.", where=where)
        return None, None
