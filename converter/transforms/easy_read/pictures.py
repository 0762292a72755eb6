"""Line text -> picture name -> OpenMoji SVG bytes and alt text, by the keywords in templates/easyread/pictures.toml."""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import SettingsError
from .protect import EMAIL, PHONE, URL

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = Path(os.environ.get("ALTFORMATS_TEMPLATES", ROOT / "templates")) / "easyread"
HEXCODE = re.compile(r"^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$")
ATTRIBUTION = ("Emoji graphics by OpenMoji – the open-source emoji and icon project. "
               "License: CC BY-SA 4.0")
ATTRIBUTION_URL = "https://openmoji.org"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def openmoji_dir() -> Path:
    """Where the OpenMoji package is: $ALTFORMATS_ASSETS/openmoji or node_modules/openmoji."""
    base = Path(os.environ.get("ALTFORMATS_ASSETS", ROOT / "node_modules"))
    folder = base / "openmoji" / "color" / "svg"
    if not folder.is_dir():
        raise SettingsError(
            "The OpenMoji pictures for easy read are not installed.", path=str(folder),
            hint="Run scripts/setup (it runs 'npm install' in the project folder), "
                 "or set ALTFORMATS_ASSETS to a folder that holds openmoji/.")
    return folder


@dataclass(frozen=True)
class Picture:
    name: str
    hexcode: str
    alt: str


@dataclass(frozen=True)
class PictureLibrary:
    pictures: dict[str, Picture]
    keywords: tuple[tuple[str, str], ...]  # (keyword, picture name), longest first
    fallbacks: dict[str, str]
    contacts: dict[str, str]

    def lookup(self, name: str) -> Picture | None:
        """A picture by its name in pictures.toml, or any OpenMoji hexcode."""
        if name in self.pictures:
            return self.pictures[name]
        code = name.upper()
        if HEXCODE.match(code) and (openmoji_dir() / f"{code}.svg").is_file():
            return Picture(code, code, "")
        return None

    def fallback(self, kind: str) -> Picture:
        name = self.fallbacks.get(kind) or self.fallbacks.get("section") or next(iter(self.pictures))
        return self.pictures[name]

    def choose(self, text: str, kind: str) -> Picture:
        """The picture for a line: a contact's picture, else its first keyword, else the section's fallback."""
        plain = text.replace("**", "")
        for key, pattern in (("phone", PHONE), ("email", EMAIL), ("web", URL)):
            if pattern.search(plain) and self.contacts.get(key) in self.pictures:
                return self.pictures[self.contacts[key]]
        match = _keyword_pattern(self.keywords).search(plain.lower())
        if match:
            keyword = next(k for k in match.groups() if k is not None)
            return self.pictures[dict(self.keywords)[keyword]]
        return self.fallback(kind)

    def svg(self, picture: Picture) -> bytes:
        path = openmoji_dir() / f"{picture.hexcode}.svg"
        try:
            return path.read_bytes()
        except OSError:
            raise SettingsError(f"Picture '{picture.name}' names OpenMoji {picture.hexcode}, which is missing.",
                                path=str(path), hint="Fix the hexcode in templates/easyread/pictures.toml.") from None


@lru_cache(maxsize=8)
def _keyword_pattern(keywords: tuple[tuple[str, str], ...]) -> re.Pattern:
    alternatives = "|".join(f"({re.escape(k)})" for k, _ in keywords)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])")


def load_library(path: Path | None = None) -> PictureLibrary:
    """Read pictures.toml; a clear SettingsError says what is wrong with it."""
    path = path or TEMPLATES / "pictures.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"The picture list cannot be read ({exc.strerror}).", path=str(path),
                            hint="Restore templates/easyread/pictures.toml from the project.") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"The picture list is not valid TOML ({exc}).", path=str(path),
                            hint="Check quotes and brackets near the line named.") from None
    pictures, keywords = {}, []
    for name, entry in data.get("pictures", {}).items():
        if "openmoji" not in entry or "alt" not in entry:
            raise SettingsError(f"Picture '{name}' needs both 'openmoji' and 'alt'.", path=str(path))
        pictures[name] = Picture(name, str(entry["openmoji"]).upper(), str(entry["alt"]))
        keywords += [(str(k).lower(), name) for k in entry.get("keywords", [])]
    for section in ("fallbacks", "contacts"):
        for kind, name in data.get(section, {}).items():
            if name not in pictures:
                raise SettingsError(f"[{section}] {kind} names '{name}', which is not a picture.", path=str(path))
    unique = dict(reversed(keywords))  # first entry wins when two pictures share a keyword
    ordered = tuple(sorted(unique.items(), key=lambda kv: -len(kv[0])))
    return PictureLibrary(pictures, ordered, dict(data.get("fallbacks", {})), dict(data.get("contacts", {})))


@lru_cache(maxsize=1)
def _annotations() -> dict[str, str]:
    import json
    path = openmoji_dir().parent.parent / "data" / "openmoji.json"
    try:
        return {e["hexcode"]: e["annotation"] for e in json.loads(path.read_text(encoding="utf-8"))}
    except (OSError, ValueError, KeyError):
        return {}


def openmoji_annotation(hexcode: str) -> str:
    """OpenMoji's own description of a picture, for alt text when a draft names a bare hexcode."""
    return _annotations().get(hexcode, "Picture").capitalize()
