"""Easy-read rewriting rules, one rule per test, on text and on documents built in memory."""
from __future__ import annotations

from easy_read_documents import CONTACT_DETAILS, SUPPORT_CONTACTS, bullets, heading, para, strategy_document

from converter.model import Document, Heading, Image, Metadata, Paragraph, Strong, Table, inline_text
from converter.profiles import EasyReadProfile
from converter.transforms.easy_read import to_easy_read
from converter.transforms.easy_read.rewrite import Rules, rewrite_heading, rewrite_text
from converter.transforms.easy_read.select import keep_best, select
from converter.transforms.easy_read.sentences import short_lines


def lines_of(doc: Document) -> list[str]:
    return [inline_text(b.inlines) for table in doc.blocks if isinstance(table, Table)
            for row in table.rows for cell in row.cells for b in cell.blocks if isinstance(b, Paragraph)]


def headings_of(doc: Document) -> list[str]:
    return [inline_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)]


def easy(*blocks) -> Document:
    return to_easy_read(Document(Metadata(title="Test strategy"), tuple(blocks)), EasyReadProfile()).value


def rewrite(text: str) -> list[str]:
    return rewrite_text(text, Rules(), explain=False)


def test_long_sentence_is_split_at_clause_boundaries_into_lines_of_15_words_at_most():
    sentence = ("Domestic abuse harms physical and mental health, disrupts children's education and "
                "development, and in the worst cases ends in serious injury or death.")
    lines = short_lines(sentence, 15)
    assert len(lines) >= 2
    assert all(len(line.split()) <= 15 for line in lines)
    assert lines[-1] == "In the worst cases, it ends in serious injury or death."  # a whole sentence


def test_short_sentence_stays_one_line():
    assert short_lines("We will listen to you.", 15) == ["We will listen to you."]


def test_in_order_to_becomes_to():
    assert rewrite("We meet in order to plan.") == ["We meet to plan."]


def test_utilise_becomes_use_and_keeps_a_capital_first_letter():
    assert rewrite("Utilise the helpline.") == ["Use the helpline."]


def test_perpetrator_becomes_the_person_who_causes_the_abuse():
    assert rewrite("The perpetrator must stop.") == ["The person who causes the abuse must stop."]


def test_acronym_on_the_project_list_is_written_out():
    assert rewrite("Talk to your GP.") == ["Talk to your doctor."]


def test_acronym_the_document_defines_is_written_out():
    rules = Rules(acronyms={"KDAF": "Kent Domestic Abuse Forum"})
    assert rewrite_text("Ask the KDAF.", rules, explain=False) == ["Ask the Kent Domestic Abuse Forum."]


def test_acronym_on_the_project_list_wins_over_the_documents_harder_words():
    rules = Rules(acronyms={"DHRs": "Domestic Homicide Reviews"})
    assert rewrite_text("We learn from DHRs.", rules, explain=False) == [
        "We learn from reviews after deaths from domestic abuse."]


def test_number_words_become_digits():
    assert rewrite("We have three aims for the next twenty-five years.") == ["We have 3 aims for the next 25 years."]


def test_bracketed_asides_and_references_are_removed():
    assert rewrite("Abuse is common (Home Office, 2019) in every area [12].") == ["Abuse is common in every area."]


def test_brackets_holding_a_phone_number_keep_the_number():
    assert rewrite("Call Victim Support (0808 168 9276).") == ["Call Victim Support 0808 168 9276."]


def test_phone_numbers_emails_and_web_addresses_are_never_altered():
    text = "Email help@kent.gov.uk, visit www.kent.gov.uk/domestic-abuse or call 03000 41 41 41 or 0808 2000 247."
    joined = " ".join(rewrite(text))
    for contact in ("help@kent.gov.uk", "www.kent.gov.uk/domestic-abuse", "03000 41 41 41", "0808 2000 247"):
        assert contact in joined


def test_organisation_names_are_never_altered():
    joined = " ".join(rewrite("The Kent Fire and Rescue Service and Kent Police will assist."))
    assert "Kent Fire and Rescue Service" in joined and "Kent Police" in joined
    assert "help" in joined  # the plain word still replaced 'assist' outside the names


def test_figures_are_never_altered():
    joined = " ".join(rewrite("There were 26,149 incidents, 15% of all crime, and 2.4 million adults."))
    for figure in ("26,149", "15%", "2.4"):
        assert figure in joined


def test_heading_loses_its_section_number_but_keeps_its_words():
    assert rewrite_heading("3.2 Hidden harm", Rules()) == "Hidden harm"


def test_hard_word_is_bold_then_explained_in_the_next_line_and_listed_in_hard_words():
    doc = easy(heading(1, "Introduction"), para("We work on safeguarding in every town."))
    lines = lines_of(doc)
    first = next(i for i, line in enumerate(lines) if "work on safeguarding" in line)
    assert lines[first + 1].startswith("Safeguarding means")
    assert "Hard words" in headings_of(doc)
    assert lines.count(lines[first + 1]) == 2  # once in the text, once in the Hard words list


def test_bullet_list_items_each_become_a_line():
    doc = easy(heading(1, "What is domestic abuse"), para("Abuse can be:"),
               bullets("Physical abuse", "Money abuse", "Threats"))
    assert {"Abuse can be physical abuse.", "Abuse can be money abuse.", "Abuse can be threats."} <= set(
        lines_of(doc))


def test_methodology_and_governance_keep_only_their_two_best_sentences():
    chosen = {s.kind: s for s in select(strategy_document())}
    for kind in ("methodology", "governance"):
        assert len(chosen[kind].passages) >= 2
        assert len(keep_best(chosen[kind])) <= 2


def test_references_and_citations_are_left_out():
    result = to_easy_read(strategy_document(), EasyReadProfile()).value
    assert "References" not in headings_of(result)
    assert not any("Home Office (2019)" in line or "Appendix C" in line for line in lines_of(result))


def test_every_resident_section_keeps_its_heading():
    titles = headings_of(to_easy_read(strategy_document(), EasyReadProfile()).value)
    for title in ("Foreword", "Introduction", "What is domestic abuse", "Our priorities", "What happens next"):
        assert title in titles


def test_help_box_keeps_every_helpline_number_exactly():
    result = to_easy_read(strategy_document(), EasyReadProfile()).value
    text = " ".join(lines_of(result))
    for contact in SUPPORT_CONTACTS + CONTACT_DETAILS:
        assert contact in text
    assert headings_of(result)[2] == "If you need help now"


def test_standard_parts_come_in_order():
    titles = headings_of(to_easy_read(strategy_document(), EasyReadProfile()).value)
    assert titles[1] == "About this document"
    assert titles[-2:] == ["Hard words", "Find out more"]


def test_glossary_term_found_in_the_text_is_explained():
    doc = Document(Metadata(title="T"), (
        heading(1, "Introduction"), para("Outreach workers visit people at home."),
        heading(1, "Glossary"), para("Outreach: support given to people where they live."),
    ))
    assert "Outreach means help given to people where they live." in lines_of(
        to_easy_read(doc, EasyReadProfile()).value)


def test_every_line_has_a_picture_with_alt_text():
    result = to_easy_read(strategy_document(), EasyReadProfile()).value
    rows = [r for b in result.blocks if isinstance(b, Table) for r in b.rows]
    pictures = [x for r in rows for x in r.cells[0].blocks if isinstance(x, Image)]
    assert len(pictures) == len(rows) > 50
    assert all(p.alt and p.data.startswith(b"<svg") and p.title for p in pictures)


def test_bold_words_stay_bold_in_the_model():
    result = easy(heading(1, "Introduction"), para("We work on safeguarding."))
    cells = [x for b in result.blocks if isinstance(b, Table) for r in b.rows for x in r.cells[1].blocks]
    assert any(isinstance(node, Strong) for cell in cells for node in cell.inlines)


def test_every_line_is_15_words_at_most_for_the_strategy():
    assert all(len(line.split()) <= 15 for line in lines_of(to_easy_read(strategy_document(), EasyReadProfile()).value))


def test_a_clause_split_off_a_sentence_keeps_the_subject_it_shares():
    lines = short_lines("We will support change by working together across every service in the county, "
                        "and make sure the right people are involved.", 15)
    assert lines == ["We will support change by working together across every service in the county.",
                     "We will make sure the right people are involved."]


def test_passive_future_with_a_named_doer_becomes_active():
    assert rewrite("The plan will be used by staff.") == ["Staff will use the plan."]
    assert rewrite("This strategy will be agreed by us.") == ["We will agree this plan."]


def test_a_line_repeated_in_later_sections_is_said_only_once():
    notice = "You can find more help on our website."
    doc = easy(heading(1, "Our plan"), para("We will open two new refuges this year."), para(notice),
               heading(1, "Our money"), para("We will spend the money on local services."), para(notice),
               heading(1, "Our staff"), para("We will train every worker in the council."), para(notice))
    lines = lines_of(doc)
    assert sum("more help on our website" in line for line in lines) == 1
    assert any("train every worker" in line for line in lines)
