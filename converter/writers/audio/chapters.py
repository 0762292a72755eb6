"""Section timings become ID3 chapter frames: one CHAP per section and a top-level ordered CTOC."""
from __future__ import annotations

from dataclasses import dataclass

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags


@dataclass(frozen=True)
class Chapter:
    element_id: str  # "chp00", "chp01", ...
    title: str
    start_ms: int
    end_ms: int


def chapters_for(titles: list[str], durations_s: list[float]) -> list[Chapter]:
    """Back-to-back chapters, one per section, in order."""
    chapters, start = [], 0.0
    for number, (title, seconds) in enumerate(zip(titles, durations_s)):
        end = start + seconds
        chapters.append(Chapter(f"chp{number:02d}", title, round(start * 1000), round(end * 1000)))
        start = end
    return chapters


def add_chapters(tags: ID3, chapters: list[Chapter], toc_title: str) -> ID3:
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=[c.element_id for c in chapters],
                  sub_frames=[TIT2(encoding=3, text=[toc_title])]))
    for chapter in chapters:
        tags.add(CHAP(element_id=chapter.element_id, start_time=chapter.start_ms,
                      end_time=chapter.end_ms, start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                      sub_frames=[TIT2(encoding=3, text=[chapter.title])]))
    return tags
