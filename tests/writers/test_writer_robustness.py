"""Odd but possible documents: every writer still produces a file and keeps the text."""
from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_inspection import text_spans
from writer_documents import (Document, Heading, ListBlock, ListItem, Table, TableCell, TableRow, Text, bullets,
                              doc, para, row)

from converter.profiles import LargePrintProfile, StandardPrintProfile, TextProfile
from converter.writers import docx as docx_writer
from converter.writers import html as html_writer
from converter.writers import pdf as pdf_writer
from converter.writers import text as text_writer

WRITERS = {
    "text": lambda d: text_writer.write(d, TextProfile()),
    "html": lambda d: html_writer.write(d, StandardPrintProfile()),
    "large-print-docx": lambda d: docx_writer.write_large_print(d, LargePrintProfile()),
    "large-print-pdf": lambda d: pdf_writer.write_large_print(d, LargePrintProfile()),
}


def nested_list(depth: int) -> ListBlock:
    inner = bullets("leaf")
    for level in range(depth):
        inner = ListBlock(level % 2 == 0, (ListItem((para(f"level {level}"), inner)),))
    return inner


ODD_DOCUMENTS = {
    "empty": Document(),
    "lists twelve deep": doc(nested_list(12)),
    "table with an empty row and a 50-column span": doc(Table((TableRow(()), TableRow((TableCell((), colspan=50),)),
                                                               row("a", "b", header=True)))),
    "table with no rows": doc(Table(())),
    "heading inside a list": doc(ListBlock(False, (ListItem((Heading(2, (Text("H"),)), para("p"))),))),
    "table inside a table": doc(Table((TableRow((TableCell((Table((row("x", "y"),)),)),)),))),
}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("name", ODD_DOCUMENTS)
def test_odd_documents_still_produce_output(writer, name):
    assert WRITERS[writer](ODD_DOCUMENTS[name]).value


@pytest.mark.parametrize("writer", WRITERS)
def test_control_characters_and_lone_surrogates_are_removed_not_fatal(writer):
    result = WRITERS[writer](doc(para("bad \x00\x0b char \ud800 kept"), title="Title\x01"))
    assert result.value


def test_cleaned_text_keeps_the_words():
    text = text_writer.write(doc(para("one\x00two\x0bthree"))).value.decode()
    assert "onetwo three" in text


words = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x2FF,
                                                 whitelist_categories=("L", "N", "P", "S")),
                min_size=1, max_size=12)
paragraph_texts = st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph_texts)
def test_every_word_of_every_paragraph_reaches_the_text_and_html_outputs(texts):
    document = doc(*(para(t) for t in texts))
    plain = text_writer.write(document).value.decode("utf-8")
    page = html_writer.write(document, StandardPrintProfile()).value.decode("utf-8")
    from bs4 import BeautifulSoup
    main_text = BeautifulSoup(page, "html.parser").find("main").get_text(" ")
    for t in texts:
        for word in t.split():
            assert word in plain
            assert word in main_text


@settings(max_examples=15, deadline=None)
@given(paragraph_texts)
def test_every_word_reaches_the_large_print_word_document(texts):
    data = docx_writer.write_large_print(doc(*(para(t) for t in texts)), LargePrintProfile()).value
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    for t in texts:
        assert t.strip() in body


def test_a_long_paragraph_in_the_pdf_keeps_every_word_in_order():
    sentence = " ".join(f"word{i}" for i in range(400))
    spans = " ".join(t for _, _, t in text_spans(pdf_writer.write_large_print(doc(para(sentence)),
                                                                              LargePrintProfile()).value))
    positions = [spans.find(f"word{i} ") if i < 399 else spans.find("word399") for i in range(400)]
    assert -1 not in positions and positions == sorted(positions)
