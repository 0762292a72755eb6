"""Build the third held-out corpus: 25 messages written fresh, with their expected answers, before any run.

Run: .venv/bin/python tests/mail/heldout3/make_heldout3.py
Written (messages, catalogue and expected answers) before reading classify.py, find_documents.py
or formats_wanted.py, and aimed at the issue's clauses: font sizes in words ("size 20 print"),
several documents and formats in one message, a copy by post, BSL, another language, a format we
do not make, a link to the page, a reply in our thread, out-of-office mail without headers.
Its first run is reported in docs/email.md; the rules are never tuned on it.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_forward, gmail_quote, in_thread, mark_automatic,  # noqa: E402
                          new_message, replace_header, set_html, write_corpus)

COUNCIL = "altformats@eastshire.gov.uk"
OUR_REPLY = "<af-reply-7781@eastshire.gov.uk>"
START = datetime(2026, 6, 1, 7, 30, tzinfo=timezone.utc)
OUR_EARLIER_TEXT = ("Thank you for asking for the Play Areas Improvement Plan.\n"
                    "We have attached it in large print.")

# (slug, subject, body, kind, documents, formats, decision)
# kind: plain | html | thread | forward | cp1252 | auto-replied | postmaster
CASES = [
    ("size-20-print", "Homelessness",
     "Hello, could I please have the Homelessness Strategy in size 20 print. My eyes aren't what they were.\n"
     "Many thanks, Irene", "plain", "homeless", "large-print", "send"),
    ("24-point-vawg", "Request",
     "I'd be grateful for a copy of the violence against women and girls strategy in 24 point font.",
     "plain", "vawg", "large-print", "send"),
    ("two-docs-bullets", "A couple of things",
     "Could you send me:\n- the garden waste guide in audio\n- the play areas plan in easy read\nThank you",
     "plain", "garden,play", "audio,easy-read", "send"),
    ("posted-local-account", "",
     "Can I have a paper copy of the local account posted to me please? I'm not online much, my daughter is "
     "sending this for me.", "plain", "local-account", "post", "handover"),
    ("bsl-first-language", "BSL please",
     "Hi, I'm Deaf and BSL is my first language. Can you do the homelessness strategy in BSL?",
     "plain", "homeless", "bsl", "handover"),
    ("romanian", "garden waste",
     "Buna ziua, I need the garden waste guide in Romanian please, my english is little. Multumesc",
     "plain", "garden", "translation", "handover"),
    ("thread-audio-as-well", "Re: Your request for a document in another format",
     "Can I get the audio one as well? Cheers", "thread", "play", "audio", "send"),
    ("page-link-only", "",
     "https://www.eastshire.gov.uk/homelessness-strategy\n\nThis one in large print please",
     "plain", "homeless", "large-print", "send"),
    ("ooo-subject-only", "Out of Office: Your request for a document in another format",
     "I'm out until Tuesday 14th.", "plain", "", "", "ignore"),
    ("ooo-maternity-in-thread", "Re: Your request for a document in another format",
     "Hello, thanks for your message. I'm currently on maternity leave and not checking this inbox. "
     "Please contact reception on 01234 567890.", "thread", "", "", "ignore"),
    ("auto-submitted-ack", "Thanks for contacting us",
     "We aim to respond within 10 working days.", "auto-replied", "", "", "ignore"),
    ("withdrawn-licensing", "",
     "Is the licensing policy 2021 available in easy read?", "plain", "licensing", "easy-read", "not-available"),
    ("moon-tactile", "Moon",
     "My aunt reads Moon rather than braille. Could the play areas improvement plan be produced in Moon?",
     "plain", "play", "other-format", "handover"),
    ("html-typos-audiobook", "",
     "<p>Hiya</p><p>could u send the homelesness stratergy as an audio book pls</p><p>x</p>",
     "html", "homeless", "audio", "send"),
    ("what-formats-blind", "formats",
     "What formats can I get things in? I'm registered blind.", "plain", "", "", "ask"),
    ("three-formats-group", "Local Account",
     "Local Account 2024 - large print, plain text and audio please, for our sight loss group",
     "plain", "local-account", "audio,large-print,plain-text", "send"),
    ("forwarded-by-reception", "Fw: alternative format",
     "Hi, a resident phoned reception about this, details below. Thanks, Bev", "forward",
     "vawg", "easy-read", "send"),
    ("signature-full-of-formats", "",
     "Garden waste guide as plain text please\n\nRegards\nAlan\n--\nAlan Hughes | Audio Description Services Ltd\n"
     "Braille & Large Print Transcription | www.example.co.uk", "plain", "garden", "plain-text", "send"),
    ("unknown-tree-strategy", "Trees",
     "Can I have the Tree Planting Strategy in large print?", "plain", "", "large-print",
     "not-available"),  # was "ask" until issue 7 audit 3: the issue and docs say an unknown document is said so
    ("inheritance-scam", "URGENT: Beneficiary notification",
     "Dear Beneficiary, your inheritance of $4,500,000 USD is ready for release. Send your bank details and the "
     "processing fee to claim your funds. Reply URGENTLY.", "plain", "", "", "staff-queue"),
    ("husband-dementia-and-me", "",
     "My husband has dementia and needs the local account in easy read; I'd like it in big print myself.",
     "plain", "local-account", "easy-read,large-print", "send"),
    ("cp1252-18pt", "Play areas",
     "Could I have the \u2018Play Areas Improvement Plan\u2019 in large print \u2013 about 18pt? Many thanks",
     "cp1252", "play", "large-print", "send"),
    ("cd-for-dad", "",
     "Can the homelessness strategy be put on a CD for my dad? He can't use a computer.",
     "plain", "homeless", "audio,cd", "handover+send"),
    ("other-formats-question", "VAWG",
     "Is the VAWG strategy available in other formats?", "plain", "vawg", "", "ask"),
    ("postmaster-undeliverable", "Undeliverable: Your request for a document in another format",
     "Delivery has failed to these recipients or groups: resident@example.org. The recipient's mailbox is full.",
     "postmaster", "", "", "ignore"),
    ("rough-sleeping-keyword", "",
     "Have you got anything on rough sleeping in audio?", "plain", "homeless", "audio", "send"),
]


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    msg = new_message(sender=f"Resident {n} <r{n:03d}@example.org>", to=COUNCIL, subject=subject,
                      date=START + timedelta(minutes=11 * n), message_id=f"<heldout3-{n:03d}.{slug}@example.org>")
    if kind == "html":
        set_html(msg, f"<html><body>{body}</body></html>")
    elif kind == "thread":
        in_thread(msg, OUR_REPLY, OUR_REPLY)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Mon, 1 Jun 2026 at 08:00, <{COUNCIL}> wrote:",
                                                    OUR_EARLIER_TEXT))
    elif kind == "forward":
        msg.set_content(body + "\n\n" + gmail_forward(
            "Eastshire Reception <reception@eastshire.gov.uk>", "phone message",
            "Mrs Khan rang. She would like the VAWG strategy in easy read please, she has a learning "
            "disability. Please send it to this address."))
    elif kind == "cp1252":
        msg.set_content(body, charset="windows-1252", cte="quoted-printable")
    else:
        msg.set_content(body)
    if kind == "auto-replied":
        mark_automatic(msg, kind)
    elif kind == "postmaster":
        replace_header(msg, "From", "postmaster@mail.example.org")
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 201, digits=3)


if __name__ == "__main__":
    main()
