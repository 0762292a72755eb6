"""Easy read for documents we have never seen (issue 4): one rule per test.

Hard words found by word frequency, council vocabulary in the plain-word list, links that are
citations, sections of long documents, passages of codes, plural hard words.
"""
from __future__ import annotations

from easy_read_documents import heading, para

from converter.model import Document, Metadata, Paragraph, Table, TableCell, TableRow
from converter.transforms.easy_read.hard_words import HardWords
from converter.transforms.easy_read.protect import is_reference
from converter.transforms.easy_read.rewrite import Rules, rewrite_text
from converter.transforms.easy_read.select import (PASSAGES_PER_SHARE, Passage, SourceSection, keep_best, lines_for,
                                                   select, top_level)
from converter.transforms.easy_read.word_difficulty import is_hard, unknown_hard_words


def rewrite(text: str) -> list[str]:
    return rewrite_text(text, Rules(), explain=False)


def document(*blocks, title: str = "Test policy") -> Document:
    return Document(Metadata(title=title), tuple(blocks))


def test_a_rare_word_is_hard_and_an_everyday_word_is_not():
    assert is_hard("gleaned") and is_hard("imperative")
    assert not is_hard("house") and not is_hard("help")


def test_hard_words_the_lists_replace_or_explain_are_not_unknown():
    assert unknown_hard_words("The equitable retrofit used heuristics.") == ["heuristics"]  # equitable: plain list; retrofit: hard list


def test_names_and_web_addresses_never_count_as_hard_words():
    assert unknown_hard_words("Contact Sevenoaks District Council at www.sevenoaks.gov.uk today.") == []


def test_a_passage_with_unknown_hard_words_ranks_below_a_plain_one_of_the_same_worth():
    section = select(document(heading(1, "Housing"), para("We gleaned insights from quantitative heuristics."),
                              para("We will fix damp homes."), heading(1, "Contact us"), para("Write to us.")))[0]
    plain, hard = sorted(section.passages, key=lambda p: "fix" not in p.text)
    assert plain.score + plain.plainness > hard.score + hard.plainness
    assert [p.text for p in keep_best(section, 1)] == ["We will fix damp homes."]


def test_council_housing_words_become_plain_words():
    assert rewrite("Tenants were evicted from dwellings.") == ["Tenants were made to leave from homes."]


def test_council_health_words_become_plain_words():
    assert rewrite("We will tackle health inequalities and obesity.") == [
        "We will deal with unfair gaps in health and being very overweight."]


def test_the_elderly_is_not_made_the_older():
    assert rewrite("Elderly people need warm homes.") == ["Older people need warm homes."]


def test_a_council_word_that_must_stay_is_explained_in_the_next_line():
    lines = rewrite_text("Your landlord must fix the boiler.", Rules())
    assert lines == ["Your **landlord** must fix the boiler.", "**Landlord** means a person or company who rents out homes."]


def test_a_plural_hard_word_says_mean_not_means():
    words = HardWords.with_glossary()
    _line, meaning = words.explain("Tenants can ask for repairs.")
    assert meaning == "**Tenants** mean people who rent a home."


def test_a_deep_web_address_is_a_citation_not_a_contact():
    assert is_reference("See https://www.un.org/development/desa/disabilities/article-19.html.")
    assert not is_reference("Visit www.kent.gov.uk/help or call 03000 41 41 41.")
    assert not is_reference("https://www.gov.uk/access-to-work")


def test_a_citation_link_is_not_kept_as_a_must_have_contact_line():
    section = select(document(heading(1, "Housing"), para("We will build homes."),
                              para("https://www.housing.org.uk/our-work/quality/decent-homes-standard/"),
                              heading(1, "Money"), para("We will spend less.")))[0]
    assert [p.text for p in keep_best(section)] == ["We will build homes."]


def test_a_title_and_subtitle_as_heading_1_do_not_make_one_section_of_the_whole_document():
    doc = document(heading(1, "Real Hope"), heading(1, "Our manifesto for a fairer country"),
                   heading(2, "Health"), para("We will cut waiting lists. " * 5),
                   heading(2, "Homes"), para("We will build homes. " * 5),
                   heading(2, "Energy"), para("We will fit heat pumps. " * 5))
    assert top_level(doc) == 2
    assert [s.title for s in select(doc) if s.kind != "cover"][-3:] == ["Health", "Homes", "Energy"]


def test_a_contents_heading_the_body_text_runs_on_under_is_not_left_out():
    doc = document(heading(2, "Table of Contents"), *[para(f"Staff must check each account before they close it {n}.")
                                                     for n in range(6)],
                   heading(2, "Annex"), para("More."))
    assert select(doc)[0].kind == "section"


def test_a_big_section_gets_more_lines_than_its_kind_gives_a_small_one():
    small = SourceSection("Rules", "section", [Passage("x", 0, i) for i in range(10)])
    big = SourceSection("Rules", "section", [Passage("x", 0, i) for i in range(PASSAGES_PER_SHARE * 9)])
    assert lines_for(small) == 5
    assert lines_for(big) == 15


def test_a_row_of_codes_ranks_below_a_sentence():
    def cell(text):
        return TableCell((para(text),))
    table = Table((TableRow((cell("1 07-16"), cell("EIN (required): nn-nnnnnnn"))),))
    section = select(document(heading(1, "Input"), table, para("Check the input and enter it again."),
                              heading(1, "Other"), para("We will help.")))[0]
    assert [p.text for p in keep_best(section, 1)] == ["Check the input and enter it again."]


def test_in_a_big_section_only_passages_that_give_a_line_count_towards_its_share():
    passages = [Passage("12 32-66 In Care Of Name", 5.0, 0)] + [Passage("We will help you.", 0.0, 1)]
    section = SourceSection("Rules", "section", passages)
    kept = keep_best(section, 1, usable=lambda p: "help" in p.text)
    assert [p.text for p in kept] == ["We will help you."]


def test_a_learned_acronym_starts_at_a_capitalised_word():
    from converter.transforms.easy_read.acronyms import learn_acronyms
    assert learn_acronyms(["The Appeals Committee of Green Party Regional Council (GPRC) met."]) == {
        "GPRC": "Green Party Regional Council"}


def test_bold_paragraphs_are_the_headings_of_a_document_with_none():
    from converter.model import Strong, Text
    def bold(text):
        return Paragraph((Strong((Text(text),)),))
    doc = document(bold("Tied votes on the committee"), para("A tie means the chair decides."),
                   bold("The rationale being"), para("The rules say so."),
                   bold("Electronic voting in elections"), para("Members can vote online."),
                   bold("The rationale being"), para("It saves paper."), bold("SOC rules that"), para("Yes."))
    assert [s.title for s in select(doc)] == ["Tied votes on the committee", "Electronic voting in elections"]
    assert select(doc)[0].kind == "section"  # the document's own title is kept, so no part is taken for its cover


def test_a_section_whose_heading_had_its_acronym_written_out_counts_as_present():
    from converter.transforms.easy_read.figures import sections_present
    source = document(heading(1, "Counting RON"), para("Votes for Re-Open Nominations (RON) are counted."),
                      heading(1, "Ballots"), para("We post the ballots."))
    present, missing = sections_present(source, "", ["Counting Re-Open Nominations", "Ballots"])
    assert missing == [] and present == ["Counting RON", "Ballots"]
