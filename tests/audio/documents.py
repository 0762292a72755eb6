"""Small documents built from the model, shared by the audio tests."""
from __future__ import annotations

from converter.model import (BlockQuote, Document, Heading, Image, Link, ListBlock, ListItem, Metadata,
                             Note, NoteRef, PageMarker, Paragraph, Table, TableCell, TableRow, Text)


def para(text: str, **kwargs) -> Paragraph:
    return Paragraph((Text(text),), **kwargs)


def heading(level: int, text: str) -> Heading:
    return Heading(level, (Text(text),))


def cell(text: str, header: bool = False) -> TableCell:
    return TableCell((para(text),), header=header)


def support_strategy() -> Document:
    """A short strategy: a title heading, three sections, a list, a table, an image, a note."""
    blocks = (
        heading(1, "Domestic Abuse Strategy 2024-2027"),
        para("Contents", role="contents"),
        heading(2, "Foreword"),
        Paragraph((Text("Everyone in Kent deserves to feel safe at home. We spent £1.5m last year"),
                   NoteRef("n1"), Text("."))),
        PageMarker("2"),
        heading(2, "Getting help"),
        para("You can get help in several ways."),
        ListBlock(False, (ListItem((para("Call 0800 123 4567"),)),
                          ListItem((Paragraph((Text("Email "), Link((Text("the team"),), "mailto:help@kent.gov.uk"))),)))),
        Table((TableRow((cell("Service", True), cell("Phone", True)), header=True),
               TableRow((cell("Police"), cell("999"))),
               TableRow((cell("Helpline"), cell("0808 2000 247"))))),
        heading(2, "Our priorities"),
        Image("Two people talking over a cup of tea"),
        Image("", decorative=True),
        ListBlock(True, (ListItem((para("Prevent abuse"),)), ListItem((para("Support survivors"),)))),
        BlockQuote((para("I finally felt listened to."),)),
    )
    notes = (Note("n1", "footnote", (para("Figures from the NHS, 2023/24."),)),)
    return Document(Metadata(title="Domestic Abuse Strategy", organisation="Kent County Council"), blocks, notes)


def numbered_sections(count: int, words: int = 12) -> Document:
    """`count` level-1 sections, each a heading and one short paragraph."""
    blocks = []
    for number in range(1, count + 1):
        blocks.append(heading(1, f"Part {number}"))
        blocks.append(para(" ".join(["This part of the council plan explains our work"] +
                                    ["clearly"] * max(0, words - 8))))
    return Document(Metadata(title="Council Plan", organisation="Test Borough Council"), tuple(blocks))
