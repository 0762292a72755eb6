"""The PDF reader's layout rules, tested on small inputs built in the test."""
from __future__ import annotations

from converter.readers.pdf.assemble import Draft, assemble, continues
from converter.readers.pdf.columns import reading_order
from converter.readers.pdf.furniture import printed_number, remove_furniture
from converter.readers.pdf.headings import close_level_gaps
from converter.readers.pdf.hyphenation import join_lines
from converter.readers.pdf.layout import Line, attach_markers
from converter.readers.pdf.lists import list_marker
from converter.readers.pdf.open import _clean_title, _pdf_date
from converter.model import PageMarker


def line(text, x0, y, *, size=10.0, page=0, width=None, bold=False):
    return Line(text, x0, x0 + (width if width is not None else 5.0 * len(text)), y, size, bold, page)


def test_words_split_over_lines_are_joined_without_the_hyphen():
    assert join_lines(["Council ser-", "vices are open"]) == "Council services are open"


def test_real_compounds_keep_their_hyphen_at_a_line_end():
    assert join_lines(["our well-", "being matters"]) == "our well-being matters"


def test_soft_hyphens_are_removed():
    assert join_lines(["commu\u00ad", "nity"]) == "community"


def test_lines_of_a_paragraph_are_joined_with_single_spaces():
    assert join_lines(["  one  ", "two", "", "three "]) == "one two three"


def test_bullets_and_numbers_are_recognised_at_line_starts():
    assert list_marker("• Paper and card").ordered is False
    assert list_marker("\uf0b7 Symbol font bullet").ordered is False
    assert list_marker("3. Pay the charge").value == 3
    assert list_marker("(b) second point").value == 2
    assert list_marker("iv. fourth").value == 4
    assert list_marker("1) first").value == 1


def test_ordinary_sentences_and_numbers_are_not_list_items():
    for text in ("2.3.59 Command codes", "-5 degrees", "The 3 bins", "2023 was a good year", "o"):
        assert list_marker(text) is None, text


def test_a_bullet_drawn_apart_from_its_text_is_attached_to_it():
    text = line("paper and card", 80, 700)
    bullet = line("•", 70, 700, width=4)
    assert [l.text for l in attach_markers([text, bullet])] == ["• paper and card"]


def test_two_columns_are_read_left_column_first():
    left = [line(f"left column line number {n} goes here", 50, 700 - 12 * n, width=200) for n in range(8)]
    right = [line(f"right column line number {n} goes here", 300, 700 - 12 * n, width=200) for n in range(8)]
    mixed = [l for pair in zip(left, right) for l in pair]
    assert [l.text for l in reading_order(mixed)] == [l.text for l in left + right]


def test_a_single_column_page_is_read_top_to_bottom():
    lines = [line("last", 50, 100), line("first", 50, 700), line("middle", 50, 400)]
    assert [l.text for l in reading_order(lines)] == ["first", "middle", "last"]


def test_short_cells_side_by_side_are_a_table_not_columns():
    cells = [line(text, x, 700 - 12 * n) for n in range(8) for x, text in ((50, "Name"), (300, "£12"))]
    assert [l.text for l in reading_order(cells)][:2] == ["Name", "£12"]


def test_a_larger_gap_ends_a_paragraph():
    draft = Draft([line("first line of text", 50, 700)])
    assert continues(draft, line("second line", 50, 688), spacing=1.2)
    assert not continues(draft, line("after a gap", 50, 670), spacing=1.2)


def test_a_paragraph_continues_over_a_page_only_when_the_text_flows():
    draft = Draft([line("the council will", 50, 60)])
    assert continues(draft, line("continue here", 50, 780, page=1), spacing=1.2)
    ended = Draft([line("the end.", 50, 60)])
    assert not continues(ended, line("continue here", 50, 780, page=1), spacing=1.2)


def test_each_page_gets_a_marker_even_when_a_paragraph_runs_over_it():
    pages = [[line("the council will", 50, 60)], [line("continue here.", 50, 780, page=1)]]
    items = assemble(pages, ["i", "ii"], [None, None])
    assert [type(i).__name__ for i in items] == ["PageMarker", "Draft", "PageMarker"]
    assert items[2] == PageMarker("ii")


def test_repeated_headers_and_page_numbers_are_removed_and_numbers_kept():
    pages = [[line("Anytown Council report", 50, 800, page=p), line(f"Body text {p}", 50, 400, page=p),
              line(str(p + 10), 300, 30, page=p)] for p in range(4)]
    kept, numbers = remove_furniture(pages, [(0.0, 842.0)] * 4)
    assert [[l.text for l in page] for page in kept] == [[f"Body text {p}"] for p in range(4)]
    assert numbers == ["10", "11", "12", "13"]


def test_printed_page_numbers_in_common_forms():
    assert [printed_number(line(t, 0, 0)) for t in ("12", "Page 4", "- 7 -", "3 of 40", "xii", "Intro")] \
        == ["12", "4", "7", "3", "xii", None]


def test_skipped_heading_levels_are_closed_up():
    assert close_level_gaps([1, None, 2, 5, 5, None, 2]) == [1, None, 2, 3, 3, None, 2]


def test_file_names_are_not_titles():
    assert _clean_title("Microsoft Word - AGENDA 0406.doc") is None
    assert _clean_title("Microsoft Word - Housing strategy") == "Housing strategy"
    assert _clean_title("Local Plan 2024") == "Local Plan 2024"


def test_pdf_dates_become_iso_days():
    assert _pdf_date("D:20230117093000Z") == "2023-01-17"
    assert _pdf_date(None) is None


def test_a_dash_that_carries_a_sentence_on_is_not_a_bullet():
    draft = Draft([line("most people back a ban", 50, 700)])
    assert continues(draft, line("– this is now a mainstream view", 50, 688), spacing=1.2)
    finished = Draft([line("Things to bring:", 50, 700)])
    assert not continues(finished, line("– a photo", 50, 688), spacing=1.2)


def test_text_from_fonts_without_a_unicode_map_is_reported_as_garbled():
    from converter.readers.pdf.garbled import garbled_pages
    garbage = [line("3xSTRxtT3xR2tTOR /xNhyM/TTw2W 02vxS0/TxV2tORR2SPON32NT SMxTwh/0V/ROR", 50, 700 - 12 * n)
               for n in range(6)]
    english = [line("The council collects household waste every week from the kerb outside", 50, 700 - 12 * n)
               for n in range(6)]
    assert garbled_pages([english, garbage]) == [2]


def test_a_ligature_drawn_apart_joins_its_word_only_when_that_makes_a_word():
    from converter.readers.pdf.layout import _split_wrong_ligature_join
    assert _split_wrong_ligature_join("property linkedfinance", len("property linked")) == "property linked finance"
    assert _split_wrong_ligature_join("economic benefits", len("economic bene")) == "economic benefits"
    assert _split_wrong_ligature_join("and a signi ficant tool", len("and a signi ")) == "and a significant tool"


def test_line_spacing_is_the_closest_recurring_gap_not_the_paragraph_gap():
    from converter.readers.pdf.assemble import line_spacing
    lines = []
    y = 800.0
    for paragraph in range(6):
        for _ in range(3):
            lines.append(line("text of a paragraph line", 50, y))
            y -= 12
        y -= 10  # paragraph gap
    assert line_spacing([lines]) == 1.2
    one_line_paragraphs = [line("a short paragraph", 50, 800 - 24 * n) for n in range(10)]
    assert line_spacing([one_line_paragraphs]) == 1.6


def test_a_list_item_ends_where_its_last_line_stops_short():
    item = Draft([line("• Justice and recovery", 50, 700, width=120)], list_marker("• Justice and recovery"))
    assert not continues(item, line("Each priority is described in its own chapter", 50, 688, width=400),
                         spacing=1.2)
    wrapped = Draft([line("• Mail: U.S. Department of", 50, 700, width=380)],
                    list_marker("• Mail: U.S. Department of"))
    assert continues(wrapped, line("Transportation, Docket Operations", 50, 688, width=400), spacing=1.2)


def test_a_footnote_measured_at_its_raised_number_still_runs_on():
    note = Draft([line("3 An airplane's nose-up attitude is", 50, 100, size=4.5)])
    assert continues(note, line("known as its pitch attitude.", 45, 91, size=7), spacing=1.2)


def test_a_page_is_never_emptied_by_furniture_rules():
    page = [line("2021", 380, 342), line("3", 440, 342), line("31", 480, 342)]
    kept, numbers = remove_furniture([page], [(0.0, 400.0)])
    assert [l.text for l in kept[0]] == ["2021", "3", "31"] and numbers == [None]
