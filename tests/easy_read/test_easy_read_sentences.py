"""Whole sentences: the finite-verb check, splits that leave no fragment, subjects carried, short names."""
from __future__ import annotations

from easy_read_documents import bullets, heading, para

from converter.model import Document, Metadata
from converter.profiles import EasyReadProfile
from converter.readers.easy_read_draft import parse_draft
from converter.transforms.easy_read import to_easy_read
from converter.transforms.easy_read.figures import measure
from converter.transforms.easy_read.grammar import fragments, has_finite_verb, supply_subject
from converter.transforms.easy_read.lists import joined_with_lead
from converter.transforms.easy_read.plain_words import use_short_names
from converter.transforms.easy_read.rewrite import Rules, rewrite_heading, rewrite_text
from converter.transforms.easy_read.select import _plainness
from converter.transforms.easy_read.sentences import _defining, short_lines


def easy_read_of(*blocks) -> list[str]:
    """The lines of the easy read of a small document."""
    from converter.model import Paragraph, Table, inline_text
    easy = to_easy_read(Document(Metadata(title="Test plan"), tuple(blocks)), EasyReadProfile()).value
    return [inline_text(b.inlines) for t in easy.blocks if isinstance(t, Table) for row in t.rows
            for cell in row.cells for b in cell.blocks if isinstance(b, Paragraph)]


def rewrite(text: str) -> list[str]:
    return rewrite_text(text, Rules(), explain=False)


def test_line_without_a_finite_verb_is_flagged_as_a_fragment():
    assert fragments(["Colleges and youth settings.", "Schools teach children about safe relationships."]) == [
        "Colleges and youth settings."]


def test_line_opening_with_when_or_is_and_no_main_clause_is_a_fragment():
    assert not has_finite_verb("When children may have seen abuse.")
    assert not has_finite_verb("Is to stop it happening in the first place.")


def test_line_ending_on_and_or_a_preposition_is_a_fragment():
    assert not has_finite_verb("Through programmes that meet standards and.")
    assert not has_finite_verb("The law defines abuse as behaviour by one person towards.")


def test_imperative_and_inflected_verbs_make_a_sentence():
    assert has_finite_verb("Make sure that schools are aware.")
    assert has_finite_verb("Abuse harms health.")
    assert has_finite_verb("Kent County Council wrote the full document.")


def test_bold_sub_heading_and_contact_line_are_labels_not_fragments():
    assert fragments(["**Physical abuse**", "Victim Support: 0808 168 9276."]) == []


def test_clause_cut_from_its_subject_gets_it_before_its_verb():
    lines = short_lines("Abuse harms physical and mental health, and in the worst cases ends in serious "
                        "injury or death.", 15)
    assert lines[-1] == "In the worst cases, it ends in serious injury or death."


def test_sentence_no_split_leaves_whole_is_left_out_rather_than_cut_into_fragments():
    sentence = ("The best way to reduce the harm caused by abuse is to stop it happening in the first place "
                "for everyone")
    assert short_lines(sentence, 15) == []


def test_sentence_with_a_phone_number_is_kept_even_when_no_split_leaves_whole_sentences():
    text = ("The best way to reduce the harm caused by abuse in the first place for everyone is the "
            "helpline on 0808 2000 247 at any time.")
    assert any("0808 2000 247" in line for line in rewrite(text))


def test_sentence_over_ten_words_is_split_where_both_halves_stand_alone():
    assert rewrite("Schools teach children about safe relationships and youth workers run groups for them.") == [
        "Schools teach children about safe relationships.", "Youth workers run groups for them."]


def test_because_clause_split_off_becomes_this_is_because():
    lines = rewrite("Many victims stop the court case because the whole process takes far too long for them.")
    assert "This is because the whole process takes far too long for them." in lines


def test_because_of_is_not_a_clause_break():
    lines = rewrite("The council gives people who are homeless because of abuse a home quickly.")
    assert not any(line.startswith("This is because") for line in lines)


def test_who_clause_saying_which_people_stays_with_its_noun():
    lines = rewrite("We will offer perpetrators programmes that help them change their behaviour.")
    assert "We will offer the people." not in lines
    assert all(has_finite_verb(line) for line in lines)


def test_long_term_is_written_in_full_once_then_by_its_short_name():
    said: set[str] = set()
    assert use_short_names("Domestic abuse is common.", said) == "Domestic abuse is common."
    assert use_short_names("We will stop domestic abuse.", said) == "We will stop abuse."


def test_sub_heading_inside_a_section_uses_plain_words_but_section_heading_keeps_its_words():
    assert rewrite_heading("Economic abuse", Rules(), plain=True) == "Money abuse"
    assert rewrite_heading("Economic abuse", Rules()) == "Economic abuse"


def test_figures_count_the_lines_that_are_not_full_sentences():
    edited = ("# Plan {#cover}\n\n## Introduction {#introduction}\n\n"
              "Schools teach children about safe relationships.\nColleges and youth settings.\n")
    profile = EasyReadProfile()
    figure = next(f for f in measure(parse_draft(edited).value, profile) if "full sentences" in f.name)
    assert figure.value == "1/2" and figure.passed is False


def test_list_item_that_is_not_a_sentence_is_made_one_with_its_short_lead_in():
    assert joined_with_lead("sexual abuse;", "The abuse can include, but is not limited to:") == (
        "The abuse can include sexual abuse.", True)
    assert joined_with_lead("reports on progress to the board;", "The Executive:") == (
        "The Executive reports on progress to the board.", True)


def test_list_item_after_a_long_or_closed_lead_in_says_this_includes():
    assert joined_with_lead("employers;", "This strategy is for everyone. That includes:") == (
        "This includes employers.", False)
    assert joined_with_lead("safety;", "We have three aims:") == ("This includes safety.", False)


def test_list_item_joined_with_its_lead_in_keeps_a_name_capitalised():
    assert joined_with_lead("Kent Police;", "Partners include:")[0] == "Partners include Kent Police."
    assert joined_with_lead("Schools and colleges;", "Partners include:")[0] == "Partners include schools and colleges."


def test_lead_in_line_goes_when_its_items_say_it():
    doc = easy_read_of(heading(1, "What is domestic abuse"), para("Abuse can be:"),
                       bullets("Physical abuse", "Money abuse"))
    assert "Abuse can be:" not in doc and "Abuse can be money abuse." in doc


def test_lead_in_line_with_none_of_its_list_kept_is_left_out():
    doc = easy_read_of(heading(1, "Introduction"), para("We will help people. We will know it works when:"))
    assert "We will help people." in doc and not any(line.endswith("when:") for line in doc)


def test_sentence_that_cannot_be_made_whole_is_left_out_of_the_draft():
    assert rewrite_text("Bosses across the public and private sectors.", Rules(), keep=has_finite_verb) == []


def test_sentence_is_left_out_whole_when_one_part_cannot_be_made_whole():
    sentence = ("Make sure that each partner group has a named lead for abuse and a policy to help its own "
                "staff who live with abuse.")
    assert short_lines(sentence, 15, aim=10) in ([], [sentence])


def test_pronoun_and_verb_that_do_not_agree_are_not_a_sentence():
    assert not has_finite_verb("They stays with them.")
    assert not has_finite_verb("This groups are not being reached.")
    assert has_finite_verb("Someone close to you hurts you.")


def test_line_ending_on_is_or_will_is_a_fragment():
    assert not has_finite_verb("Holding the people who cause the abuse to account is.")


def test_verb_after_who_or_which_is_not_the_lines_own_verb():
    assert not has_finite_verb("Recording and checking who uses services.")
    assert has_finite_verb("People who use services have told us.")


def test_word_list_is_not_an_order():
    assert not has_finite_verb("Blame, gaslighting and threats to harm children.")
    assert not has_finite_verb("Help for older people.")
    assert has_finite_verb("Help people to stay safe.")


def test_that_clause_and_a_to_clause_with_no_main_clause_are_fragments():
    assert not has_finite_verb("That anyone hurt by it gets the right help.")
    assert not has_finite_verb("To be given clear information, and to have one trusted worker.")
    assert has_finite_verb("When children see abuse, it harms them.")


def test_it_is_supplied_only_after_a_phrase_like_in_the_worst_cases():
    assert supply_subject("people with complicated needs") == "people with complicated needs"
    assert supply_subject("in the worst cases ends in death") == "in the worst cases, it ends in death"


def test_who_clause_after_their_own_staff_stays_on():
    assert _defining("a policy to help its own staff", "who live with abuse")


def test_section_with_no_whole_sentence_says_what_it_is_about():
    doc = easy_read_of(heading(1, "A national housing fund"), para("Rent levels for older people."))
    assert "This part is about a national housing fund." in doc


def test_plainer_of_two_passages_ranks_higher():
    plain = _plainness("We will help you stay safe at home.", "text")
    hard = _plainness("Organisations will collaborate to operationalise multi-agency provision.", "text")
    assert plain > 0 > hard
