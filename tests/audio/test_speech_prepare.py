"""Documents prepared for speech: pauses, lists, tables, images, quotes, notes, lexicon files."""
from __future__ import annotations

import pytest

from converter.errors import SettingsError
from converter.model import Heading, Paragraph, inline_text
from converter.transforms.pronunciation import load_lexicon
from converter.transforms.speech import PAUSE, SPEECH, SPOKEN_HEADING, is_prepared, prepare

from .documents import support_strategy


def spoken_lines(doc) -> list[str]:
    """The prepared document as lines; a pause is "<pause>", a heading "# title"."""
    lines = []
    for block in prepare(doc).value.blocks:
        if isinstance(block, Heading):
            lines.append("# " + inline_text(block.inlines))
        elif block.role == PAUSE:
            lines.append("<pause>")
        else:
            lines.append(inline_text(block.inlines))
    return lines


def test_prepared_document_holds_only_headings_and_spoken_paragraphs():
    prepared = prepare(support_strategy()).value
    assert is_prepared(prepared)
    assert {b.role for b in prepared.blocks if isinstance(b, Paragraph)} == {SPEECH, SPOKEN_HEADING, PAUSE}


def test_every_heading_is_spoken_and_followed_by_a_pause():
    lines = spoken_lines(support_strategy())
    index = lines.index("# Getting help")
    assert lines[index + 1:index + 3] == ["Getting help.", "<pause>"]


def test_list_is_announced_and_each_item_is_followed_by_a_pause():
    lines = spoken_lines(support_strategy())
    start = lines.index("A list of 2 items:")
    assert lines[start + 1:start + 5] == ["Call 0 8 0 0, 1 2 3, 4 5 6 7.", "<pause>",
                                          "Email the team (help at kent dot gov dot U K).", "<pause>"]


def test_numbered_list_items_are_read_with_their_numbers():
    lines = spoken_lines(support_strategy())
    assert "1. Prevent abuse." in lines and "2. Support survivors." in lines


def test_table_is_read_row_by_row_with_its_column_headings():
    lines = spoken_lines(support_strategy())
    start = lines.index("A table. 2 rows, read row by row.")
    assert lines[start + 1:start + 6] == [
        "Row 1. Service: Police. Phone: 9 9 9.", "<pause>",
        "Row 2. Service: Helpline. Phone: 0 8 0 8, 2 0 0 0, 2 4 7.", "<pause>", "End of table."]


def test_images_are_announced_with_alt_text_and_decorative_images_left_out():
    lines = spoken_lines(support_strategy())
    assert lines.count("Image: Two people talking over a cup of tea.") == 1
    assert not [line for line in lines if line.startswith("An image")]


def test_quotations_are_read_between_start_and_end_markers():
    lines = spoken_lines(support_strategy())
    start = lines.index("Quote:")
    assert lines[start + 1:start + 3] == ["I finally felt listened to.", "End of quote."]


def test_footnotes_are_cited_in_the_text_and_read_at_the_end_under_notes():
    lines = spoken_lines(support_strategy())
    assert any(line.endswith("1.5 million pounds last year (note 1).") for line in lines)
    assert lines[-4:] == ["# Notes", "Notes.", "<pause>", "Note 1. Figures from the N H S, 2023 to 2024."]


def test_contents_lists_and_page_markers_are_not_read():
    lines = spoken_lines(support_strategy())
    assert "Contents." not in lines and "2" not in lines


def test_preparing_twice_changes_nothing():
    once = prepare(support_strategy()).value
    assert prepare(once).value == once


def test_council_lexicon_file_adds_and_overrides_entries(tmp_path, monkeypatch):
    extra = tmp_path / "council.tsv"
    extra.write_text("# ours\nNHS\tthe health service\nSWALE\tswail\n", encoding="utf-8")
    monkeypatch.setenv("ALTFORMATS_PRONUNCIATION", str(extra))
    lexicon = load_lexicon()
    assert lexicon.apply("NHS in SWALE, near the MARAC") == "the health service in swail, near the marak"


def test_malformed_lexicon_line_is_a_settings_error_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("NHS\tN H S\nMARAC marak\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_lexicon(str(bad))
    assert "Line 2" in caught.value.message and caught.value.path == str(bad)


def test_missing_lexicon_file_is_a_settings_error_saying_what_to_fix(tmp_path):
    with pytest.raises(SettingsError) as caught:
        load_lexicon(str(tmp_path / "nowhere.tsv"))
    assert "ALTFORMATS_PRONUNCIATION" in caught.value.hint


def test_note_mark_after_a_full_stop_is_read_before_it():
    from converter.model import Document, Note, NoteRef, Paragraph, Text
    doc = Document(blocks=(Paragraph((Text("Press 55 when asked."), NoteRef("a"))),),
                   notes=(Note("a", "footnote", (Paragraph((Text("Silent solution."),)),)),))
    assert spoken_lines(doc)[0] == "Press 55 when asked (note 1)."


def test_table_caption_that_already_says_table_is_not_doubled():
    from converter.model import Table, TableRow, Text, Document
    from .documents import cell
    doc = Document(blocks=(Table((TableRow((cell("A"),)),), caption=(Text("Table 1: Key figures"),)),))
    assert spoken_lines(doc)[0] == "Table 1: Key figures. 1 row, read row by row."
