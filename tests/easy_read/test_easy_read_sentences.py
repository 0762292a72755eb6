"""Whole sentences: the finite-verb check, splits that leave no fragment, subjects carried, short names."""
from __future__ import annotations

from easy_read_documents import bullets, heading, para

from converter.model import Document, Metadata
from converter.profiles import EasyReadProfile
from converter.transforms.easy_read import to_easy_read
from converter.transforms.easy_read.figures import measure
from converter.transforms.easy_read.grammar import fragments, has_finite_verb
from converter.transforms.easy_read.plain_words import use_short_names
from converter.transforms.easy_read.rewrite import Rules, rewrite_heading, rewrite_text
from converter.transforms.easy_read.sentences import short_lines


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
    doc = Document(Metadata(title="Plan"), (
        heading(1, "Introduction"), para("Schools teach children about safe relationships."),
        heading(1, "What we will do"), bullets("Colleges and youth settings"),
    ))
    profile = EasyReadProfile()
    figure = next(f for f in measure(to_easy_read(doc, profile).value, profile) if "full sentences" in f.name)
    assert figure.value.startswith("1/") and figure.passed is False
