"""Text prepared for speech, tested as text: numbers, dates, money, addresses, the lexicon."""
from __future__ import annotations

import pytest

from converter.transforms.pronunciation import load_lexicon
from converter.transforms.speech_text import speak


@pytest.fixture(scope="module")
def say():
    lexicon = load_lexicon("")
    return lambda text: speak(text, lexicon)


@pytest.mark.parametrize("written, spoken", [
    ("Call 0800 123 4567 today.", "Call 0 8 0 0, 1 2 3, 4 5 6 7 today."),
    ("Ring 01622 694000.", "Ring 0 1 6 2 2, 6 9 4, 0 0 0."),
    ("Phone 03000 41 41 41.", "Phone 0 3 0 0 0, 4 1, 4 1, 4 1."),
    ("Text 07700900123.", "Text 0 7 7 0 0, 9 0 0, 1 2 3."),
    ("Dial +44 (0)20 7946 0958.", "Dial 0 2 0, 7 9 4 6, 0 9 5 8."),
    ("In an emergency call 999.", "In an emergency call 9 9 9."),
    ("Samaritans on 116 123.", "Samaritans on 1 1 6, 1 2 3."),
])
def test_phone_numbers_are_read_digit_by_digit_in_their_groups(say, written, spoken):
    assert say(written) == spoken


def test_ordinary_numbers_are_not_mistaken_for_phone_numbers(say):
    assert say("There were 1,234 reports in 2023 and 999 people came.") == \
        "There were 1,234 reports in 2023 and 999 people came."


@pytest.mark.parametrize("written, spoken", [
    ("Due 12/03/2024.", "Due the 12th of March 2024."),
    ("Due 2024-04-01.", "Due the 1st of April 2024."),
    ("From 1 April 2024 to 31st March 2025.", "From the 1st of April 2024 to the 31st of March 2025."),
    ("On 3 Sept.", "On the 3rd of September."),
    ("The 2023/24 plan.", "The 2023 to 2024 plan."),
    ("Our 2020-2023 strategy.", "Our 2020 to 2023 strategy."),
    ("Open 9.30am to 5pm. Closed Sundays.", "Open 9 30 A M to 5 P M. Closed Sundays."),
    ("Starts at 10:00 a.m. on Monday.", "Starts at 10 A M on Monday."),
])
def test_dates_and_times_are_read_the_british_way(say, written, spoken):
    assert say(written) == spoken


def test_impossible_dates_are_left_as_written(say):
    assert say("Ratio 45/13/2024.") == "Ratio 45/13/2024."


@pytest.mark.parametrize("written, spoken", [
    ("We spent £1.5m.", "We spent 1.5 million pounds."),
    ("A £2bn budget.", "A 2 billion pounds budget."),
    ("It costs £25, or £1 for children.", "It costs 25 pounds, or 1 pound for children."),
    ("A fee of £3.50.", "A fee of 3 pounds 50."),
    ("Only £0.50 or 50p.", "Only 50 pence or 50 pence."),
    ("Grants of £1,200.", "Grants of 1,200 pounds."),
    ("Up 45% to 3.5 %.", "Up 45 percent to 3.5 percent."),
    ("For 10-15 year olds.", "For 10 to 15 year olds."),
    ("For people aged 18+.", "For people aged 18 and over."),
])
def test_money_percentages_and_ranges_are_read_naturally(say, written, spoken):
    assert say(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Email help@kent.gov.uk today.", "Email help at kent dot gov dot U K today."),
    ("Visit www.kent.gov.uk/domestic-abuse.", "Visit W W W dot kent dot gov dot U K slash domestic dash abuse."),
    ("See https://www.nhs.uk/live-well/.", "See W W W dot N H S dot U K slash live dash well."),
    ("Go to gov.uk (www.gov.uk/report).", "Go to gov dot U K (W W W dot gov dot U K slash report)."),
    ("Write to first.last@example.org.", "Write to first dot last at example dot org."),
])
def test_web_and_email_addresses_are_spelled_out_readably(say, written, spoken):
    assert say(written) == spoken


def test_lexicon_spells_out_initialisms_and_says_acronyms_as_words(say):
    assert say("The NHS joins the MARAC with an IDVA.") == "The N H S joins the marak with an id-va."


def test_lexicon_matches_whole_words_with_their_case_only(say):
    assert say("NHSmail and nhs and MARACs") == "NHSmail and nhs and maraks"


def test_symbols_become_words(say):
    assert say("Health & care e.g. support 24/7.") == \
        "Health and care for example support 24 hours a day, 7 days a week."


def test_slash_between_words_is_read_as_or(say):
    assert say("Your partner/ex-partner") == "Your partner or ex-partner"


def test_service_numbers_after_a_label_are_read_digit_by_digit(say):
    assert say("Non-emergency number: 101.") == "Non-emergency number: 1 0 1."


def test_web_address_fragments_and_long_queries_are_not_read_and_escapes_are_decoded(say):
    assert say("See https://example.gov.uk/equality%20act#:~:text=You%20are") == \
        "See example dot gov dot U K slash equality dash act"
    assert say("See https://example.org/find?postcode=ME14-1XQ-and-much-more-text.") == \
        "See example dot org slash find."
