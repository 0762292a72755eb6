"""w:drawing and VML w:pict -> Image blocks (bytes, mime, alt text, decorative) and text-box content.

Supported: inline and anchored DrawingML pictures (wp:inline, wp:anchor), pictures
in groups and canvases, alt text from wp:docPr descr else title (a picture's own
pic:cNvPr descr wins inside groups), the "mark as decorative" flag (adec:decorative),
size in pixels at 96 dpi; text boxes (wps:txbx) read as blocks; VML
v:imagedata (older files and embedded-object previews) and VML v:textbox.
Charts and SmartArt keep only their alt text (with a warning); linked (not
embedded) pictures keep alt text without bytes.
"""
from __future__ import annotations

from ...model import Image
from .ns import NAMESPACES, attr, qn

A, PIC, WP, WPS, V = (NAMESPACES[k] for k in ("a", "pic", "wp", "wps", "v"))
EMU_PER_PIXEL = 9525
CHART_HINTS = ("/chart", "/diagram")


def drawing_blocks(drawing, ctx) -> list:
    blocks: list = []
    for frame in drawing:  # wp:inline or wp:anchor
        doc_pr = frame.find(qn("wp:docPr"))
        size = _extent(frame.find(qn("wp:extent")))
        _walk_graphic(frame, ctx, doc_pr, size, blocks)
    return blocks


def _walk_graphic(el, ctx, doc_pr, size, blocks: list) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{{{PIC}}}pic":
            blocks.append(_picture(child, ctx, doc_pr, size))
        elif tag == f"{{{WPS}}}txbx":
            blocks.extend(_text_box(child, ctx))
        elif tag == f"{{{A}}}graphicData" and any(h in (child.get("uri") or "") for h in CHART_HINTS):
            blocks.append(_chart(child, ctx, doc_pr))
        elif isinstance(tag, str):
            _walk_graphic(child, ctx, doc_pr, size, blocks)


def _picture(pic, ctx, doc_pr, size) -> Image:
    own = pic.find(f"{{{PIC}}}nvPicPr/{{{PIC}}}cNvPr")
    alt, title = _alt(own) if _alt(own)[0] else _alt(doc_pr)
    blip = pic.find(f".//{{{A}}}blip")
    embed = attr(blip, "r:embed")
    part = ctx.related_part(embed)
    ctx.image_count += 1
    decorative = _decorative(doc_pr) or _decorative(own)
    if part is None:
        why = ("is linked to a file outside the document" if attr(blip, "r:link")
               else "has its image data missing from the file")
        ctx.log.warning(f"A picture {why}, so only its alt text is kept.", f"picture {ctx.image_count}")
    elif not alt and not decorative:
        ctx.log.warning("A picture has no alt text.", f"picture {ctx.image_count}")
    return Image(alt=alt, data=part.blob if part is not None else None,
                 mime=part.content_type if part is not None else None, title=title or None,
                 width_px=size[0], height_px=size[1], decorative=decorative)


def _chart(graphic_data, ctx, doc_pr) -> Image:
    ctx.image_count += 1
    alt, title = _alt(doc_pr)
    ctx.log.warning("A chart or SmartArt diagram cannot be read as text; only its alt text is kept."
                    + ("" if alt else " It has no alt text, so its content is lost."),
                    f"picture {ctx.image_count}")
    return Image(alt=alt, title=title or None, decorative=_decorative(doc_pr))


def _text_box(txbx, ctx) -> list:
    content = txbx.find(qn("w:txbxContent"))
    return ctx.read_blocks(list(content)) if content is not None else []


def vml_blocks(pict, ctx) -> list:
    """VML shapes: v:imagedata pictures and v:textbox text boxes, in order."""
    blocks: list = []
    for shape in pict.iter():
        if shape.tag == f"{{{V}}}imagedata":
            blocks.append(_vml_picture(shape, ctx))
        elif shape.tag == f"{{{V}}}textbox":
            content = shape.find(qn("w:txbxContent"))
            if content is not None:
                blocks.extend(ctx.read_blocks(list(content)))
    return blocks


def _vml_picture(imagedata, ctx) -> Image:
    shape = imagedata.getparent()
    alt = (shape.get("alt") or imagedata.get(qn("o:title")) or "").strip()
    r_id = attr(imagedata, "r:id") or imagedata.get(qn("o:relid"))
    part = ctx.related_part(r_id)
    ctx.image_count += 1
    if not alt:
        ctx.log.warning("A picture has no alt text.", f"picture {ctx.image_count}")
    return Image(alt=alt, data=part.blob if part is not None else None,
                 mime=part.content_type if part is not None else None)


def _alt(c_nv_pr) -> tuple[str, str]:
    if c_nv_pr is None:
        return "", ""
    descr = (c_nv_pr.get("descr") or "").strip()
    title = (c_nv_pr.get("title") or "").strip()
    return (descr or title), title


def _decorative(c_nv_pr) -> bool:
    if c_nv_pr is None:
        return False
    for el in c_nv_pr.iter(qn("adec:decorative")):
        return (el.get("val") or "1") in ("1", "true")
    return False


def _extent(extent) -> tuple[int | None, int | None]:
    try:
        return round(int(extent.get("cx")) / EMU_PER_PIXEL), round(int(extent.get("cy")) / EMU_PER_PIXEL)
    except (AttributeError, TypeError, ValueError):
        return None, None
