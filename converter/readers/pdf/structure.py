"""A tagged PDF's structure tree -> a light tree of elements, and the headings in it.

build_tree() turns /StructTreeRoot into Element objects (standard role after /RoleMap,
page, the pypdf dictionary for attributes, kids: Elements and marked-content keys
(page object number, MCID)). heading_marks() finds H1..H6 and H (level from the
number of enclosing Sect elements). tagged.py finds tables, figures and notes in it.
Supports: custom tags role-mapped to standard ones through /RoleMap (followed in
chains), /K as an integer MCID, an MCR dictionary or an array, /Pg inherited from the
nearest ancestor.
Does not support: reading order from the tree (content order is used), object
references (OBJR: link annotations are matched by position instead).
Guards: a visited set against cycles and a cap on elements against hostile trees;
no recursion anywhere (hostile trees can be very deep).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_ELEMENTS = 200_000
HEADING_LEVELS = {f"H{n}": n for n in range(1, 7)}
STANDARD_ROLES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", *HEADING_LEVELS, "L", "LI", "Lbl", "LBody", "Table", "TR",
    "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry",
    "Code", "Link", "Annot", "Ruby", "Warichu", "Figure", "Formula", "Form", "Em", "Strong",
    "Title", "FENote", "Sub", "Aside", "Artifact"}

Key = tuple  # (page object number, MCID)


@dataclass
class Element:
    role: str  # standard role after /RoleMap ("P", "Table", "Figure" ...)
    node: DictionaryObject | None
    page: int | None  # page object number (/Pg, inherited)
    kids: list = field(default_factory=list)  # Element or Key, in tree order


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _role(name: str, role_map: dict) -> str:
    seen = set()
    while name in role_map and name not in seen and name not in STANDARD_ROLES:
        seen.add(name)
        name = str(role_map[name]).lstrip("/")
    return name


def _page_key(ref) -> int | None:
    return ref.idnum if isinstance(ref, IndirectObject) else None


def build_tree(reader) -> Element | None:
    """The structure tree as Elements, or None when the PDF is not tagged (or the tree is broken)."""
    try:
        root = _resolve(reader.trailer["/Root"])
        tree = _resolve(root.get("/StructTreeRoot")) if "/StructTreeRoot" in root else None
        if not isinstance(tree, DictionaryObject):
            return None
        role_map = {}
        raw_map = _resolve(tree.get("/RoleMap"))
        if isinstance(raw_map, DictionaryObject):
            role_map = {str(k).lstrip("/"): str(_resolve(v)) for k, v in raw_map.items()}
        top = Element("StructTreeRoot", tree, None)
        _fill(top, _resolve(tree.get("/K")), role_map)
        return top
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception:  # a broken tree is no reason to lose the text: read it untagged
        return None


def _fill(top: Element, kids, role_map: dict) -> None:
    stack = [(kids, top, None)]  # (pdf node, parent Element, inherited page)
    seen: set[int] = set()
    count = 0
    while stack and count < MAX_ELEMENTS:
        node, parent, page = stack.pop()
        count += 1
        if isinstance(node, ArrayObject):
            stack.extend((_resolve(child), parent, page) for child in reversed(node))
        elif isinstance(node, int) and not isinstance(node, bool):
            if page is not None:
                parent.kids.append((page, int(node)))
        elif isinstance(node, DictionaryObject):
            if id(node) in seen:
                continue
            seen.add(id(node))
            page = _page_key(dict.get(node, "/Pg")) or page
            kind = node.get("/Type")
            if kind == "/MCR":
                mcid = node.get("/MCID")
                if page is not None and isinstance(mcid, int):
                    parent.kids.append((page, int(mcid)))
                continue
            if kind == "/OBJR":
                continue
            element = Element(_role(str(node.get("/S", "")).lstrip("/"), role_map), node, page)
            parent.kids.append(element)
            stack.append((_resolve(node.get("/K")), element, page))


def elements(top: Element):
    """(element, its ancestors' roles) depth first in tree order, without recursion."""
    stack = [(top, ())]
    while stack:
        element, above = stack.pop()
        yield element, above
        inner = above + (element.role,)
        stack.extend((kid, inner) for kid in reversed(element.kids) if isinstance(kid, Element))


def keys_under(element: Element) -> list[Key]:
    """Every marked-content key inside an element, in tree order."""
    found: list[Key] = []
    stack = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, Element):
            stack.extend(reversed(item.kids))
        else:
            found.append(item)
    return found


def heading_marks(top: Element | None) -> dict[Key, int]:
    """{(page object number, MCID): heading level} for every heading in the tree
    (one pass: a hostile chain of nested headings costs no more than its size)."""
    if top is None:
        return {}
    found: dict[Key, int] = {}
    stack = [(top, None, 0)]  # (element, heading level around it, Sect depth)
    while stack:
        element, level, depth = stack.pop()
        if element.role == "Sect":
            depth += 1
        if element.role in HEADING_LEVELS:
            level = HEADING_LEVELS[element.role]
        elif element.role == "H":
            level = max(1, min(6, depth))
        for kid in element.kids:
            if isinstance(kid, Element):
                stack.append((kid, level, depth))
            elif level:
                found[kid] = level
    return found
