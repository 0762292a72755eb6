"""Build the second held-out corpus: written after the first round of fixes, run once before any change.

Run: .venv/bin/python tests/mail/heldout2/make_heldout2.py
Same layout as tests/mail/heldout (its build() and tests/mail/corpus_build.py are reused); a different catalogue and new phrasing.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "heldout")]
import make_heldout  # noqa: E402
from corpus_build import Case, gmail_forward, write_corpus  # noqa: E402

CASES = [
    ("parking-larger-text", "parking", "Hiya, any chance of the parking strategy with larger text? Ta", "plain",
     "parking", "large-print", "send"),
    ("waste-listen-car", "", "I drive a lot - can I get the waste and recycling plan to listen to in the car?",
     "plain", "waste", "audio", "send"),
    ("carers-easy-words", "Carers", "My sister has Down's syndrome, she needs the carers strategy in easy words "
     "with pictures please", "plain", "carers", "easy-read", "send"),
    ("local-plan-docx-font", "", "Could you send the Local Plan Review in a 16pt font?", "plain", "local-plan",
     "large-print", "send"),
    ("two-formats-one-line", "", "waste plan - large print + audio", "plain", "waste", "audio,large-print", "send"),
    ("arabic", "Arabic", "Please I need carers strategy in Arabic language for my father", "plain", "carers",
     "translation", "handover"),
    ("cd-for-gran", "", "Is the parking strategy available on CD? My gran doesn't use a computer.", "plain",
     "parking", "audio,cd", "handover+send"),
    ("thanks-only-thread", "Re: Your request", "Thank you so much, that's perfect!", "gmail-thread", "climate", "",
     "no-action"),  # first "ask", then "ignore" (answering thanks starts a loop); "no-action" since that decision exists
    ("html-outlook-text-only", "Accessible copy", "Good afternoon,\nPlease could I have a text only copy of the "
     "Local Plan Review for my screen reader.\nKind regards\nTom", "outlook-html", "local-plan", "plain-text", "send"),
    ("withdrawn-old-waste", "", "Do you still have the Waste Strategy 2010 in large print?", "plain", "old-waste",
     "large-print", "not-available"),
    ("no-doc-easy-read", "easy read", "Do you do easy read versions of your plans?", "plain", "", "easy-read", "ask"),
    ("autoreply-vacation", "Re: your request", "I'm away on holiday until 3rd April and will reply when I'm back.",
     "ooo", "", "", "ignore"),
    ("typo-carrers", "", "carrers stratgey in big print", "plain", "carers", "large-print", "send"),
    ("forward-audio", "Fwd: request from resident", "Could you deal with this one please?", "forward-audio",
     "parking", "audio", "send"),
    ("sign-language-video", "", "Does the Local Plan Review have a signed video?", "plain", "local-plan", "bsl",
     "handover"),
    ("spoken-version", "", "Is there a spoken version of the waste plan?", "plain", "waste", "audio", "send"),
]


def main() -> None:
    make_heldout.COUNCIL = "formats@othercouncil.gov.uk"
    written = []
    for n, (slug, subject, body, kind, docs, formats, decision) in enumerate(CASES, start=101):
        if kind == "forward-audio":
            body += "\n\n" + gmail_forward("A Resident <resident@example.com>", "parking",
                                            "Hello, can I have the parking strategy as an audio file? Thanks")
            kind = "plain"
        written.append(Case(f"{n:03d}-{slug}.eml", make_heldout.build(n, slug, subject, body, kind), docs, formats,
                            decision))
    print(f"wrote {write_corpus(HERE, written)} messages to {HERE}")


if __name__ == "__main__":
    main()
