"""Build the second held-out corpus: written after the first round of fixes, run once before any change.

Run: .venv/bin/python tests/mail/heldout2/make_heldout2.py
Same layout as tests/mail/heldout (its build() is reused); a different catalogue and new phrasing.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "heldout"))
from make_heldout import build  # noqa: E402

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
     "ignore"),  # first written as "ask"; changed on purpose: answering thanks starts a loop
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
    import make_heldout

    make_heldout.COUNCIL = "formats@othercouncil.gov.uk"
    rows = []
    for n, (slug, subject, body, kind, docs, formats, decision) in enumerate(CASES, start=101):
        name = f"{n:03d}-{slug}.eml"
        if kind == "forward-audio":
            body += ("\n\n---------- Forwarded message ---------\nFrom: A Resident <resident@example.com>\n"
                     "Subject: parking\n\nHello, can I have the parking strategy as an audio file? Thanks")
            kind = "plain"
        (HERE / name).write_bytes(build(n, slug, subject, body, kind))
        rows.append((name, docs, formats, decision))
    with open(HERE / "expected.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(("file", "documents", "formats", "decision"))
        writer.writerows(rows)


if __name__ == "__main__":
    main()
