"""The inside of one w:p -> inline nodes (Text, Strong, Emphasis, Link, LineBreak, NoteRef),
plus the pictures and text boxes anchored in it and the page breaks met on the way.

Supported: runs with bold/italic (direct or from a character style), adjacent runs
with the same formatting merged; w:hyperlink (external by relationship, internal
w:anchor -> "#anchor") and HYPERLINK fields; line breaks (w:br, w:cr), tabs as
spaces, non-breaking hyphens, w:sym outside the symbol-font private-use area;
tracked changes (w:ins/w:moveTo kept, w:del/w:moveFrom dropped); complex and
simple fields (displayed result kept, instruction text dropped); hidden text
(w:vanish) dropped; inline content controls (not while they show placeholder text),
smart tags, custom XML; footnote/endnote references; equations (text of m:t);
mc:AlternateContent read once (the Choice, never also the Fallback).
Not supported: underline, strike, colour, sub/superscript (read as plain text),
ruby text, comments (dropped).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Emphasis, LineBreak, Link, NoteRef, Strong, Text, merge_adjacent_text
from .context import Field
from .drawings import drawing_blocks, vml_blocks
from .ns import attr, is_on, local_name, qn

W = "{" + "http://schemas.openxmlformats.org/wordprocessingml/2006/main" + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
PASS_THROUGH = {"ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent"}
DROPPED = {"del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr"}


@dataclass
class Atom:
    node: object  # Text, LineBreak or NoteRef
    bold: bool = False
    italic: bool = False
    url: str | None = None


@dataclass
class ParagraphContent:
    atoms: list[Atom] = field(default_factory=list)
    blocks: list = field(default_factory=list)  # pictures and text-box content anchored here
    breaks_before: int = 0  # page breaks met before any text
    breaks_after: int = 0

    @property
    def has_text(self) -> bool:
        return any(isinstance(a.node, Text) and a.node.text.strip() or isinstance(a.node, NoteRef)
                   for a in self.atoms)

    def page_break(self) -> None:
        if self.has_text:
            self.breaks_after += 1
        else:
            self.breaks_before += 1


def read_paragraph_content(paragraph, ctx) -> ParagraphContent:
    content = ParagraphContent()
    for child in paragraph:
        walk_inline(child, ctx, content, (False, False, None))
    return content


def walk_inline(el, ctx, out: ParagraphContent, fmt) -> None:
    name = local_name(el)
    ns = el.tag[: el.tag.find("}") + 1] if isinstance(el.tag, str) else ""
    if ns == MC and name == "AlternateContent":
        for child in alternate_branch(el):
            walk_inline(child, ctx, out, fmt)
    elif ns == M and name in ("oMath", "oMathPara"):
        text = "".join(t.text or "" for t in el.iter(M + "t"))
        if text and not ctx.fields.hiding:
            out.atoms.append(Atom(Text(text), *fmt))
    elif ns != W or name in DROPPED:
        return
    elif name == "r":
        read_run(el, ctx, out, fmt)
    elif name == "hyperlink":
        url = link_url(el, ctx)
        for child in el:
            walk_inline(child, ctx, out, (fmt[0], fmt[1], url or fmt[2]))
    elif name == "sdt" and is_placeholder(el):
        return
    elif name == "fldSimple":
        url = Field(attr(el, "w:instr") or "").url
        for child in el:
            walk_inline(child, ctx, out, (fmt[0], fmt[1], url or fmt[2]))
    elif name in PASS_THROUGH or name == "sdt":
        for child in children(el.find(W + "sdtContent") if name == "sdt" else el):
            walk_inline(child, ctx, out, fmt)


def is_placeholder(sdt) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter text")."""
    return sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None


def is_hidden(run) -> bool:
    """Hidden text (Font > Hidden) is not shown or printed by Word, so it is not read."""
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and is_on(vanish)


def children(el) -> list:
    return list(el) if el is not None else []


def alternate_branch(alternate) -> list:
    """The children of mc:AlternateContent to read: the first Choice, else the Fallback (never both)."""
    choice = alternate.find(MC + "Choice")
    return children(choice if choice is not None else alternate.find(MC + "Fallback"))


def run_children(run) -> list:
    """A run's children with any mc:AlternateContent replaced by its chosen branch."""
    out = []
    for child in run:
        if child.tag == MC + "AlternateContent":
            out.extend(run_children(alternate_branch(child)))
        else:
            out.append(child)
    return out


def link_url(hyperlink, ctx) -> str | None:
    target = ctx.relationship_target(attr(hyperlink, "r:id"))
    anchor = attr(hyperlink, "w:anchor")
    if target and anchor:
        return f"{target}#{anchor}"
    return target or (f"#{anchor}" if anchor else None)


def run_formatting(run, ctx, fmt) -> tuple[bool, bool]:
    rpr = run.find(W + "rPr")
    bold, italic = fmt[0], fmt[1]
    if rpr is None:
        return bold, italic
    style_bold, style_italic = ctx.styles.run_formatting(attr(rpr.find(W + "rStyle"), "w:val"))
    bold, italic = bold or style_bold, italic or style_italic
    if rpr.find(W + "b") is not None:
        bold = is_on(rpr.find(W + "b"))
    if rpr.find(W + "i") is not None:
        italic = is_on(rpr.find(W + "i"))
    return bold, italic


def read_run(run, ctx, out: ParagraphContent, fmt) -> None:
    hidden = is_hidden(run)
    bold, italic = run_formatting(run, ctx, fmt)
    state = (bold, italic, ctx.fields.link_url or fmt[2])
    for child in run_children(run):
        name = local_name(child)
        if name == "fldChar":
            kind = attr(child, "w:fldCharType")
            {"begin": ctx.fields.begin, "separate": ctx.fields.separate, "end": ctx.fields.end}.get(kind, _noop)()
            state = (bold, italic, ctx.fields.link_url or fmt[2])
        elif name == "instrText":
            ctx.fields.add_instruction(child.text or "")
        elif name == "lastRenderedPageBreak":
            if ctx.pages.counts("rendered"):
                out.page_break()
        elif name == "br" and attr(child, "w:type") == "page":
            if ctx.pages.counts("explicit"):
                out.page_break()
        elif not ctx.fields.hiding and not hidden:
            read_run_child(child, name, ctx, out, state)


def read_run_child(child, name: str, ctx, out: ParagraphContent, state) -> None:
    text = None
    if name == "t":
        text = child.text or ""
    elif name in ("tab", "ptab"):
        text = " "
    elif name == "noBreakHyphen":
        text = "-"
    elif name == "sym":
        text = symbol_text(attr(child, "w:char"))
    elif name == "br" and attr(child, "w:type") != "column" or name == "cr":
        out.atoms.append(Atom(LineBreak(), *state))
    elif name in ("footnoteReference", "endnoteReference"):
        kind = "footnote" if name == "footnoteReference" else "endnote"
        note_id = ctx.notes.reference(kind, attr(child, "w:id"))
        if note_id:
            out.atoms.append(Atom(NoteRef(note_id), *state))
    elif name == "drawing":
        out.blocks.extend(drawing_blocks(child, ctx))
    elif name in ("pict", "object"):
        out.blocks.extend(vml_blocks(child, ctx))
    if text:
        out.atoms.append(Atom(Text(text), *state))


def symbol_text(code: str | None) -> str | None:
    try:
        value = int(code or "", 16)
    except ValueError:
        return None
    return None if 0xF000 <= value <= 0xF0FF else chr(value)


def _noop() -> None:
    return None


# --------------------------------------------------------------------------
# Atoms -> nested inline nodes


def build_inlines(atoms: list[Atom]) -> tuple:
    """Merge neighbouring atoms with the same formatting and wrap them in Strong/Emphasis/Link."""
    atoms = _trim(_spaces_follow_neighbours(atoms))
    out: list = []
    for url, group in _groups(atoms, lambda a: a.url):
        children = _formatted(group)
        out.extend([Link(tuple(children), url)] if url else children)
    return tuple(out)


def _formatted(atoms: list[Atom]) -> list:
    out: list = []
    for (bold, italic), group in _groups(atoms, lambda a: (a.bold, a.italic)):
        nodes = list(merge_adjacent_text([a.node for a in group]))
        if not (bold or italic):
            out.extend(nodes)
            continue
        before, nodes, after = _split_outer_spaces(nodes)
        if italic:
            nodes = [Emphasis(tuple(nodes))]
        if bold:
            nodes = [Strong(tuple(nodes))]
        out.extend(before + nodes + after)
    return list(merge_adjacent_text(out))


def _split_outer_spaces(nodes: list) -> tuple[list, list, list]:
    """Keep spaces at the edges of bold/italic text outside it ("**bins **every" -> "**bins** every")."""
    before, after = [], []
    if nodes and isinstance(nodes[0], Text) and nodes[0].text != nodes[0].text.lstrip():
        stripped = nodes[0].text.lstrip()
        before = [Text(nodes[0].text[: len(nodes[0].text) - len(stripped)])]
        nodes = ([Text(stripped)] if stripped else []) + nodes[1:]
    if nodes and isinstance(nodes[-1], Text) and nodes[-1].text != nodes[-1].text.rstrip():
        stripped = nodes[-1].text.rstrip()
        after = [Text(nodes[-1].text[len(stripped):])]
        nodes = nodes[:-1] + ([Text(stripped)] if stripped else [])
    return before, nodes, after


def _groups(atoms, key):
    groups: list = []
    for atom in atoms:
        k = key(atom)
        if groups and groups[-1][0] == k:
            groups[-1][1].append(atom)
        else:
            groups.append((k, [atom]))
    return groups



def _spaces_follow_neighbours(atoms: list[Atom]) -> list[Atom]:
    """A run of only spaces takes the formatting of the text before it, so bold words stay merged."""
    out: list[Atom] = []
    for atom in atoms:
        if out and isinstance(atom.node, Text) and not atom.node.text.strip() and atom.url == out[-1].url:
            atom = Atom(atom.node, out[-1].bold, out[-1].italic, atom.url)
        out.append(atom)
    return out


def _trim(atoms: list[Atom]) -> list[Atom]:
    """Drop leading/trailing whitespace and line breaks of the paragraph."""
    atoms = list(atoms)
    while atoms and (isinstance(atoms[0].node, LineBreak) or isinstance(atoms[0].node, Text) and not atoms[0].node.text.strip()):
        atoms.pop(0)
    while atoms and (isinstance(atoms[-1].node, LineBreak) or isinstance(atoms[-1].node, Text) and not atoms[-1].node.text.strip()):
        atoms.pop()
    if atoms and isinstance(atoms[0].node, Text):
        atoms[0] = Atom(Text(atoms[0].node.text.lstrip()), atoms[0].bold, atoms[0].italic, atoms[0].url)
    if atoms and isinstance(atoms[-1].node, Text):
        atoms[-1] = Atom(Text(atoms[-1].node.text.rstrip()), atoms[-1].bold, atoms[-1].italic, atoms[-1].url)
    return atoms
