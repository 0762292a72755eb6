"""Build the HELD-OUT request corpus: written blind to the matching rules, against its own catalogue.

Run: .venv/bin/python tests/mail/heldout/make_heldout.py
Writes NNN-<slug>.eml files and expected.tsv (file, documents, formats, decision) here.
These messages were written before reading find_documents.py / formats_wanted.py, to measure
how the rules do on phrasing they were not tuned to. Names and addresses are invented.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_forward, gmail_quote, in_thread, mark_automatic,  # noqa: E402
                          new_message, outlook_quote, replace_header, set_html, write_corpus)

COUNCIL = "accessible.formats@somecouncil.gov.uk"
OUR_REPLY = "<reply-0042@somecouncil.gov.uk>"
START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

OUR_EARLIER_TEXT = ("Thank you for asking for the Climate Emergency Action Plan.\n"
                    "We can send it in large print, easy read, audio or plain text.\n"
                    "Which would you like?")

# (slug, subject, body, kind, documents, formats, decision)
# kind: plain | html | outlook-html | forward | gmail-thread | outlook-thread | cp1252 | base64 |
#       ooo | autoreply | bounce | list | sig
CASES = [
    ("larger-font-mum", "Council tax help",
     "Hi, my mum is partially sighted, could you send her the council tax reduction scheme in a larger font? thanks, Dave",
     "plain", "council-tax", "large-print", "send"),
    ("audio-typos", "",
     "Please may I recieve the SEND stratergy as an audio file.", "plain", "sen", "audio", "send"),
    ("non-native-easy-read", "Request for document",
     "Hello, I am need the climate plan in the easy read version for my brother who have learning disability. "
     "Thank you very much.", "plain", "climate", "easy-read", "send"),
    ("outlook-html-18pt", "Library report",
     "Can you do the library consultation report in large print? 18pt is fine.", "outlook-html",
     "library", "large-print", "send"),
    ("gmail-thread-audio", "Re: Your request for a document",
     "The audio one please", "gmail-thread", "climate", "audio", "send"),
    ("forwarded-braille", "Fw: document request",
     "Hi team, can you help with the request below? Thanks, Sam", "forward", "safeguarding", "braille", "handover"),
    ("two-docs-two-formats", "Two documents please",
     "Could I get the Climate Emergency Action Plan as audio and the Council Tax Reduction Scheme in big print?",
     "plain", "climate,council-tax", "audio,large-print", "send"),
    ("withdrawn-budget", "Budget",
     "Do you have the budget book 2023-24 in large print?", "plain", "budget", "large-print", "not-available"),
    ("page-link-listen", "",
     "I saw this on your website https://www.somecouncil.gov.uk/climate-emergency-action-plan - is there a version "
     "I can listen to?", "plain", "climate", "audio", "send"),
    ("accessible-version-only", "Accessible version",
     "I'd like an accessible version of the SEND strategy please.", "plain", "sen", "", "ask"),
    ("format-no-doc", "Large print",
     "Can I have it in large print please", "plain", "", "large-print", "ask"),
    ("urdu", "Translation",
     "Please could you send me the special needs strategy in Urdu. My English is not good.",
     "plain", "sen", "translation", "handover"),
    ("printed-by-post", "Paper copy",
     "Could someone send me a printed copy of the council tax reduction scheme by post to my home address? "
     "I do not have a printer.", "plain", "council-tax", "post", "handover"),
    ("screen-reader-plain", "",
     "I need the climate plan in plain text so my screen reader can read it properly.",
     "plain", "climate", "plain-text", "send"),
    ("title-typos-easyread", "councel tax",
     "Councel Tax Reducton Scheme in easy-read please", "plain", "council-tax", "easy-read", "send"),
    ("libary-mp3", "mp3?",
     "Can the libary consultation be made into an MP3?", "plain", "library", "audio", "send"),
    ("shouty-bigger", "NET ZERO",
     "I CANT READ SMALL WRITING. SEND ME THE NET ZERO PLAN BIGGER PLEASE", "plain", "climate", "large-print", "send"),
    ("bsl-video", "BSL",
     "My husband is Deaf and uses BSL. Is there a BSL video of the SEND strategy?", "plain", "sen", "bsl", "handover"),
    ("large-and-braille", "Safeguarding report",
     "Please send the Adult Safeguarding Annual Report in large print and also in Braille.",
     "plain", "safeguarding", "braille,large-print", "handover+send"),
    ("ooo-no-header", "Away from the office",
     "I am currently on annual leave until Monday 12 January with limited access to email. "
     "For urgent matters please contact the duty team.", "ooo", "", "", "ignore"),
    ("autoreply-header", "Automatic reply: Climate plan",
     "Thank you for your email. This mailbox is not monitored. Your message about the climate plan has been received.",
     "autoreply", "", "", "ignore"),
    ("bounce", "Delivery Status Notification (Failure)",
     "Your message wasn't delivered to resident@example.net because the address couldn't be found.",
     "bounce", "", "", "ignore"),
    ("newsletter", "Our latest news on the climate plan",
     "Read our monthly newsletter: the climate plan in large print is now out. Unsubscribe at any time.",
     "list", "", "", "ignore"),
    ("spam-prize", "CONGRATULATIONS you have WON",
     "Congratulations! You have won a £1000 gift card. Click here to claim your prize now http://bit.ly/claim-prize-now "
     "Act fast, offer ends today!!!", "plain", "", "", "staff-queue"),
    ("cp1252-quotes-20pt", "Climate plan",
     "Could I please have the \u2018Climate Emergency Action Plan\u2019 in large print \u2013 20 point if possible?",
     "cp1252", "climate", "large-print", "send"),
    ("welsh", "Cais",
     "Bore da. Could I have the SEND strategy in Welsh please? Diolch.", "base64", "sen", "translation", "handover"),
    ("signature-noise", "Library consultation",
     "Library consultation in audio please.", "sig", "library", "audio", "send"),
    ("vague-document", "document",
     "Hello, I saw a document about plans on your website, could I get a copy?", "plain", "", "", "ask"),
    ("unknown-document", "Parking report",
     "Could I have the Parking Enforcement Annual Report in large print?", "plain", "", "large-print",
     "not-available"),  # was "ask" until issue 7 audit 3: the issue and docs say an unknown document is said so
    ("thread-also-easy-read", "Re: Your request for a document",
     "Thanks! Could I also have it in easy read?", "gmail-thread", "climate", "easy-read", "send"),
    ("outlook-thread-refs-only", "RE: Your request for a document",
     "yes the large print please", "outlook-thread", "climate", "large-print", "send"),
    ("neighbour-and-me", "",
     "My neighbour asked me to ask for the SEND strategy in audio. I myself would like the council tax reduction "
     "scheme in large print.", "plain", "council-tax,sen", "audio,large-print", "send"),
    ("kindly-big-letters", "Kind request",
     "Good day sir, kindly send to me the climate action plan in big letters. Regards, Mr Okafor",
     "plain", "climate", "large-print", "send"),
    ("read-aloud", "",
     "Have you got the safeguarding report read aloud?", "plain", "safeguarding", "audio", "send"),
    ("html-gmail-easy-read", "SEND",
     "Hi there,\nIs the SEND strategy available in Easy Read?\n\nMany thanks\nPriya", "html", "sen", "easy-read", "send"),
    ("28pt", "",
     "Please send the climate plan in 28pt.", "plain", "climate", "large-print", "send"),
    ("polish", "Prośba",
     "Dzień dobry, proszę o strategię SEND po polsku. Dziękuję.", "plain", "sen", "translation", "handover"),
    ("withdrawn-audio-short", "budget book",
     "budget book 23/24 as audio pls", "plain", "budget", "audio", "not-available"),
    ("request-in-subject", "Large print copy of Council Tax Reduction Scheme",
     "Thanks", "plain", "council-tax", "large-print", "send"),
]


def _html(text: str) -> str:
    lines = "<br>".join(text.splitlines())
    return f'<html><body><div dir="ltr">{lines}</div></body></html>'


def _outlook_quote(text: str) -> str:
    return "\n\n" + outlook_quote(f"Accessible Formats <{COUNCIL}>", "02 March 2026 09:00",
                                   "Your request for a document", text, to="Resident")


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    msg = new_message(sender=f"Resident {n} <person{n:03d}@example.net>", to=COUNCIL, subject=subject,
                      date=START + timedelta(minutes=7 * n), message_id=f"<heldout-{n:03d}.{slug}@example.net>")
    if kind == "html":
        set_html(msg, _html(body))
    elif kind == "outlook-html":
        quoted = _outlook_quote("Dear resident, please see our consultation report attached.")
        set_html(msg, _html(body + quoted).replace("<br>From:", "<br><hr>From:"))
    elif kind == "forward":
        inner = gmail_forward("Jo Bloggs <jo.bloggs@example.com>", "request",
                              "Hello, I would like the adult safeguarding annual report in braille please. Jo",
                              date="Mon, 2 Mar 2026 at 10:11", to="<info@somecouncil.gov.uk>")
        msg.set_content(body + "\n\n" + inner)
    elif kind == "gmail-thread":
        in_thread(msg, OUR_REPLY, OUR_REPLY)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Mon, 2 Mar 2026 at 09:00, Accessible Formats <{COUNCIL}> wrote:",
                                                    OUR_EARLIER_TEXT))
    elif kind == "outlook-thread":
        in_thread(msg, None, OUR_REPLY)
        msg.set_content(body + "\n\n________________________________" + _outlook_quote(OUR_EARLIER_TEXT))
    elif kind == "cp1252":
        msg.set_content(body, charset="windows-1252", cte="quoted-printable")
    elif kind == "base64":
        msg.set_content(body, charset="utf-8", cte="base64")
    elif kind == "autoreply":
        mark_automatic(msg, "auto-replied")
        msg.set_content(body)
    elif kind == "bounce":
        replace_header(msg, "From", "Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>")
        msg.set_content(body)
    elif kind == "list":
        mark_automatic(msg, "newsletter")
        msg.set_content(body)
    elif kind == "sig":
        msg.set_content(body + "\n\n-- \nChris Patel\nLarge Print Ltd, Unit 4, Easy Read Business Park\n"
                        "Sent from Outlook for iOS\nThis email and any attachments are confidential.")
    else:  # plain, ooo
        msg.set_content(body)
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 1, digits=3)


if __name__ == "__main__":
    main()
