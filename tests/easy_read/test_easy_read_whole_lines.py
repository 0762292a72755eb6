"""No broken lines (issue easy-read 5): one test per rule of the line check and the splitter,
and the rule that leaves out a section's hardest lines."""
from __future__ import annotations

import pytest

from converter.transforms.easy_read.compose import _without_hardest_lines
from converter.transforms.easy_read.grammar import has_finite_verb, supply_subject
from converter.transforms.easy_read.sentences import (CLAUSE_BREAKS, _between_verbs, _carry_subject,
                                                      _series_item_alone)


def test_or_and_and_with_a_verb_open_no_sentence():
    assert not has_finite_verb("Or are too far from the bus stop.")
    assert not has_finite_verb("And close early on Fridays.")


def test_a_subordinate_opener_needs_a_main_clause_with_a_subject():
    assert not has_finite_verb("If rooms are small, have no windows.")
    assert has_finite_verb("If rooms are small, we open the doors.")


def test_half_of_the_sooner_the_less_is_not_a_sentence():
    assert not has_finite_verb("The earlier a leak is found.")
    assert has_finite_verb("The earlier a leak is found, the less it costs.")


def test_a_noun_with_only_a_who_which_or_that_clause_is_not_a_sentence():
    assert not has_finite_verb("Tenants who want to know when the bins go out.")
    assert not has_finite_verb("National rules that shape how councils plan.")
    assert has_finite_verb("Tenants who pay late are sent a letter.")
    assert has_finite_verb("Check that the lights work.")


def test_that_and_a_bare_noun_is_not_read_as_an_order():
    assert not has_finite_verb("This shows that water.")


def test_no_cut_between_two_verbs_sharing_an_object():
    assert _between_verbs("how we prevent", "respond to floods")
    assert not _between_verbs("We plan the roads,", "the council pays for them")


def test_no_cut_before_an_ing_word():
    breaks = CLAUSE_BREAKS[-1]
    assert not breaks.search("Read the form before signing it")
    assert breaks.search("Read the form before you sign it")


def test_a_later_part_with_a_verb_and_no_subject_stays_with_its_series():
    assert _series_item_alone(["Drivers who know the route", "take the bus out and bring it back"])
    assert not _series_item_alone(["Find the gaps", "fill them"])


def test_no_it_is_put_before_a_part_that_opens_on_a_verb():
    assert supply_subject("asks about it safely") == "asks about it safely"


def test_a_plural_noun_subject_is_carried_but_not_onto_a_past_tense():
    assert _carry_subject(["Staff check the doors", "help visitors"])[1] == "Staff help visitors"
    assert _carry_subject(["Victims felt safe", "helped by the staff"])[1] == "helped by the staff"


def test_the_hardest_line_goes_when_the_section_says_enough_without_it():
    lines = ["We fix roads.", "We clean the streets.", "We empty the bins.",
             "Infrastructure maintenance necessitates considerable organisational coordination."]
    assert _without_hardest_lines(lines) == lines[:3]


@pytest.mark.parametrize("lines", [
    ["We fix roads.", "Infrastructure maintenance necessitates considerable organisational coordination."],
    ["We fix roads.", "We clean the streets.", "We empty the bins.",
     "Infrastructure maintenance necessitates considerable organisational coordination.", "This is hard."],
    ["We fix roads.", "We clean the streets.", "We empty the bins.", "**Infrastructure** means roads and pipes."],
])
def test_a_hard_line_stays_when_it_is_needed(lines):
    assert _without_hardest_lines(lines) == lines


def test_an_order_after_a_phrase_with_no_verb_stands_alone():
    assert not _series_item_alone(["For help in Kent", "call the helpline on 0800 000 000"])
    assert _series_item_alone(["Without a plan, services work apart", "leave gaps between them"])


def test_a_second_word_after_is_may_stand_alone_but_a_verb_ending_in_s_never():
    assert not _series_item_alone(["The helpline is free", "open all day"])
    assert _series_item_alone(["Helping early depends on staff that knows the signs", "asks about it safely"])
    assert _series_item_alone(["The line is free", "is open all day"])


def test_help_box_lines_keep_their_words_and_numbers():
    from converter.transforms.easy_read.rewrite import Rules, rewrite_text
    assert rewrite_text("For support in Kent and Medway, call Victim Support on 0808 168 9276 or visit "
                        "www.example.org.uk.", Rules())[-1] == (
        "Call Victim Support on 0808 168 9276 or visit www.example.org.uk.")
    assert rewrite_text("The National Domestic Violence Helpline is free and open 24 hours a day on 0808 2000 247.",
                        Rules()) == ["The National Domestic Violence Helpline is free.",
                                     "Open 24 hours a day on 0808 2000 247."]


def test_a_hard_line_stays_when_it_is_one_item_of_a_list_or_holds_a_bold_word():
    items = ["Abuse can be threats.", "Abuse can be money abuse.", "Abuse can be violent or threatening behaviour.",
             "We fix roads."]
    assert _without_hardest_lines(items) == items
    bold = ["We fix roads.", "We clean the streets.", "We empty the bins.",
            "We will strengthen **infrastructure** organisational coordination.",
            "**Infrastructure** means roads and pipes."]
    assert _without_hardest_lines(bold) == bold
