"""Figures from the strategy's seed facts become PNG pictures drawn with Pillow."""
from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation")]
NAVY = (0, 48, 87)
TEAL = (0, 114, 120)
GREY = (110, 110, 110)
WHITE = (255, 255, 255)
INK = (11, 12, 12)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    raise FileNotFoundError(f"Liberation Sans ({name}) is needed to draw the sample's pictures; "
                            "install fonts-liberation2")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def crime_share_chart() -> bytes:
    """Horizontal bar chart: domestic abuse 15% of all crime, other crime 85%."""
    image = Image.new("RGB", (1600, 700), WHITE)
    draw = ImageDraw.Draw(image)
    draw.text((60, 40), "Domestic abuse as a share of all crime", font=_font(54, True), fill=INK)
    bars = [("Domestic abuse", 15, TEAL), ("All other crime", 85, GREY)]
    left, top, width, height, gap = 480, 190, 1000, 130, 90
    for index, (label, value, colour) in enumerate(bars):
        y = top + index * (height + gap)
        draw.text((60, y + 38), label, font=_font(44), fill=INK)
        draw.rectangle([left, y, left + width * value // 100, y + height], fill=colour)
        draw.text((left + width * value // 100 + 20, y + 38), f"{value}%", font=_font(44, True), fill=INK)
    draw.line([left, top - 20, left, top + 2 * height + gap + 20], fill=INK, width=4)
    draw.text((60, 600), "Source: figures quoted in the Kent and Medway Domestic Abuse Strategy 2020-2023",
              font=_font(32), fill=INK)
    return _png(image)


def partnership_diagram() -> bytes:
    """The Executive in the centre, linked to the partners around it."""
    image = Image.new("RGB", (1600, 1100), WHITE)
    draw = ImageDraw.Draw(image)
    centre = (800, 560)
    partners = ["Kent Police", "Medway Council", "Kent County Council", "The NHS",
                "Kent Fire and Rescue", "District councils", "Probation", "Voluntary and\ncommunity sector"]
    points = []
    for index, name in enumerate(partners):
        angle = -math.pi / 2 + 2 * math.pi * index / len(partners)
        points.append((name, (centre[0] + 600 * math.cos(angle), centre[1] + 410 * math.sin(angle))))
    for _, (x, y) in points:
        draw.line([centre, (x, y)], fill=GREY, width=5)
    for name, (x, y) in points:
        draw.rounded_rectangle([x - 180, y - 62, x + 180, y + 62], radius=20, fill=TEAL)
        draw.multiline_text((x, y), name, font=_font(34, True), fill=WHITE, anchor="mm", align="center")
    draw.ellipse([centre[0] - 250, centre[1] - 150, centre[0] + 250, centre[1] + 150], fill=NAVY)
    draw.multiline_text(centre, "Kent and Medway\nDomestic Abuse and\nSexual Violence\nExecutive",
                        font=_font(36, True), fill=WHITE, anchor="mm", align="center")
    return _png(image)


PICTURES = {"crime_share": crime_share_chart, "partnership": partnership_diagram}


def draw_picture(name: str) -> bytes:
    if name not in PICTURES:
        raise KeyError(f"No picture called {name!r}; known pictures: {', '.join(sorted(PICTURES))}")
    return PICTURES[name]()
