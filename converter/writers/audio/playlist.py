"""The list of section files becomes an extended M3U playlist (UTF-8, relative names)."""
from __future__ import annotations


def m3u(title: str, entries: list[tuple[str, str, float]]) -> bytes:
    """entries: (file name, title, seconds), in playing order."""
    lines = ["#EXTM3U", f"#PLAYLIST:{title}"]
    for file_name, entry_title, seconds in entries:
        lines.append(f"#EXTINF:{round(seconds)},{entry_title}")
        lines.append(file_name)
    return ("\n".join(lines) + "\n").encode("utf-8")
