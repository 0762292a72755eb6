"""A tagged PDF's structure tree -> which marked-content ids (MCIDs) on which page are headings.

Supports: H1..H6 and H (level from the number of enclosing Sect elements), custom tags
role-mapped to those through /RoleMap (followed in chains), /K as an integer MCID, an
MCR dictionary or an array, /Pg inherited from the nearest ancestor.
Does not support: reading order from the tree (content order is used), tables and
lists from the tree (layout rules find them), object references (OBJR).
Guards: a visited set against cycles and a cap on elements against hostile trees.
"""
from __future__ import annotations

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_ELEMENTS = 200_000
HEADING_LEVELS = {f"H{n}": n for n in range(1, 7)}


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _role(name: str, role_map: dict) -> str:
    seen = set()
    while name in role_map and name not in seen and name not in HEADING_LEVELS and name != "H":
        seen.add(name)
        name = str(role_map[name]).lstrip("/")
    return name


def _page_key(ref) -> int | None:
    return ref.idnum if isinstance(ref, IndirectObject) else None


def heading_marks(reader) -> dict[tuple[int, int], int]:
    """{(page object number, MCID): heading level} for every heading in the tree."""
    try:
        root = _resolve(reader.trailer["/Root"])
        tree = _resolve(root.get("/StructTreeRoot")) if "/StructTreeRoot" in root else None
    except Exception:
        return {}
    if not isinstance(tree, DictionaryObject):
        return {}
    role_map = {}
    raw_map = _resolve(tree.get("/RoleMap"))
    if isinstance(raw_map, DictionaryObject):
        role_map = {str(k).lstrip("/"): str(_resolve(v)) for k, v in raw_map.items()}
    found: dict[tuple[int, int], int] = {}
    _walk(tree, role_map, found)
    return found


def _walk(tree, role_map: dict, found: dict) -> None:
    """Depth-first over the tree without recursion (hostile trees can be very deep)."""
    stack = [(_resolve(tree.get("/K")), None, None, 0)]  # (node, page, heading level, sect depth)
    seen: set[int] = set()
    count = 0
    while stack and count < MAX_ELEMENTS:
        node, page, level, depth = stack.pop()
        count += 1
        if isinstance(node, ArrayObject):
            stack.extend((_resolve(child), page, level, depth) for child in reversed(node))
        elif isinstance(node, int) and not isinstance(node, bool):
            if level and page is not None:
                found[(page, int(node))] = level
        elif isinstance(node, DictionaryObject):
            marker = id(node)
            if marker in seen:
                continue
            seen.add(marker)
            page = _page_key(dict.get(node, "/Pg")) or page
            if node.get("/Type") == "/MCR":
                mcid = node.get("/MCID")
                if level and page is not None and isinstance(mcid, int):
                    found[(page, int(mcid))] = level
                continue
            role = _role(str(node.get("/S", "")).lstrip("/"), role_map)
            if role == "Sect":
                depth += 1
            if role in HEADING_LEVELS:
                level = HEADING_LEVELS[role]
            elif role == "H":
                level = max(1, min(6, depth))
            stack.append((_resolve(node.get("/K")), page, level, depth))
