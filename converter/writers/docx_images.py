"""Model images -> picture bytes Word can show, scaled to the text width (SVG drawn to PNG)."""
from __future__ import annotations

from ..model import Image
from ..result import MessageLog

WORD_PICTURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}


def svg_to_png(data: bytes, width_px: int) -> bytes:
    """Draw an SVG as PNG; cairosvg's safe mode fetches nothing but data: URIs."""
    import cairosvg

    return cairosvg.svg2png(bytestring=data, output_width=width_px, unsafe=False)


def picture_for_word(image: Image, max_width_cm: float, max_height_cm: float,
                     log: MessageLog) -> tuple[bytes, float] | None:
    """(bytes, width in cm) for the picture at the text width, or None (with a warning) if unusable."""
    from docx.image.image import Image as WordImage

    if not image.data:
        log.warning(f"An image has no picture data; its alt text was kept ({image.alt[:40]!r}).")
        return None
    mime = (image.mime or "").lower()
    data = image.data
    try:
        if mime == "image/svg+xml":
            data = svg_to_png(data, 1600)
        elif mime and mime not in WORD_PICTURE_TYPES:
            log.warning(f"A {mime} image cannot go into a Word document; its alt text was kept.")
            return None
        size = WordImage.from_blob(data)
        width_px, height_px = size.px_width, size.px_height
    except Exception as exc:  # a damaged picture must not lose the rest of the document
        log.warning(f"An image could not be read ({type(exc).__name__}); its alt text was kept.")
        return None
    if not width_px or not height_px:
        return None
    width = max_width_cm
    if width * height_px / width_px > max_height_cm:
        width = max_height_cm * width_px / height_px
    return data, round(width, 2)
