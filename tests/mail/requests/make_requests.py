"""Build the request corpus: realistic residents' emails, each with its expected outcome.

Run: .venv/bin/python tests/mail/requests/make_requests.py
Writes NNN-<slug>.eml files and expected.tsv (file, documents, formats, decision) here.
The messages are written by the project; names and addresses are invented.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (Case, gmail_forward, gmail_quote, in_thread, mark_automatic,  # noqa: E402
                          new_message, outlook_quote, replace_header, set_html, write_corpus)

COUNCIL = "alternative.formats@council.example"

# (slug, subject, body, kind, expected documents, expected formats, expected decision)
# kind: plain | html | forward | thread | latin1 | outlook
CASES = [
    ("big-print", "Strategy", "Hello, could I have the domestic abuse strategy in big print please? Thank you, Mary",
     "plain", "da", "large-print", "send"),
    ("large-print-typo", "request", "hi can i get the domestc abuse stratergy in larg print thanks",
     "plain", "da", "large-print", "send"),
    ("audio", "Audio version", "I am blind and would like to listen to the Domestic Abuse Strategy. Is there an audio version?",
     "plain", "da", "audio", "send"),
    ("mp3", "", "Please email me an MP3 of the domestic abuse strategy.", "plain", "da", "audio", "send"),
    ("easy-read", "Easy read", "My son has a learning disability. Can he have the domestic abuse strategy in easy read?",
     "plain", "da", "easy-read", "send"),
    ("easyread-one-word", "easyread please", "Domestic abuse strategy easyread version", "plain", "da", "easy-read", "send"),
    ("simple-version", "", "Is there a simple version of the domestic abuse strategy with pictures?", "plain", "da", "easy-read", "send"),
    ("screen-reader", "Accessible copy", "I use a screen reader (JAWS). Could you send the domestic abuse strategy as plain text?",
     "plain", "da", "plain-text", "send"),
    ("text-only", "", "text only version of the Kent and Medway domestic abuse strategy please", "plain", "da", "plain-text", "send"),
    ("24-point", "Font size", "Could you send the domestic abuse strategy in 24 point please, I can't read small print.",
     "plain", "da", "large-print", "send"),
    ("two-formats", "Two formats", "Please can I have the domestic abuse strategy in large print and also as audio.",
     "plain", "da", "large-print,audio", "send"),
    ("three-formats", "", "For our support group: the domestic abuse strategy in easy read, large print and an mp3.",
     "plain", "da", "easy-read,large-print,audio", "send"),
    ("two-documents", "Two documents", "Could I have the housing strategy and the domestic abuse strategy in large print?",
     "plain", "da,housing", "large-print", "send"),
    ("housing-audio", "", "Housing Strategy 2022 - audio please", "plain", "housing", "audio", "send"),
    ("transport-plan", "Local transport plan", "I would like the local transport plan in large print, size 20 if possible.",
     "plain", "transport", "large-print", "send"),
    ("charging-policy", "Charging policy", "Can I get the adult social care charging policy in easy read please?",
     "plain", "charging", "easy-read", "send"),
    ("charging-typo", "", "the social care chargeing pollicy in big writing", "plain", "charging", "large-print", "send"),
    ("html-only", "Request", "<p>Hello,</p><p>Please send me the <b>domestic abuse strategy</b> in <i>large print</i>.</p>",
     "html", "da", "large-print", "send"),
    ("html-only-audio", "accessible version", "<div>Could I listen to the <span>domestic abuse strategy</span>? An audio file would be great.</div>",
     "html", "da", "audio", "send"),
    ("html-table-layout", "Easy read", "<table><tr><td>Dear team, the domestic abuse strategy in easy read please.</td></tr></table>",
     "html", "da", "easy-read", "send"),
    ("forwarded", "Fwd: Domestic Abuse Strategy", "Can you send this in large print for my mum please?",
     "forward", "da", "large-print", "send"),
    ("forwarded-audio", "Fwd: Consultation", "My dad would prefer to listen to this one. Audio please.",
     "forward", "da", "audio", "send"),
    ("thread-reply-format", "Re: Your request", "Large print please.", "thread", "da", "large-print", "send"),
    ("thread-reply-audio", "Re: Your request", "Sorry, I meant the audio version.", "thread", "da", "audio", "send"),
    ("latin1", "Demande", "Bonjour - could I have the domestic abuse strategy in large print? Merci, Zoë",
     "latin1", "da", "large-print", "send"),
    ("outlook-reply", "RE: Strategy", "Yes the domestic abuse strategy in easy read please.", "outlook", "da", "easy-read", "send"),
    ("sent-from-phone", "", "Domestic abuse strategy in large print pls", "phone", "da", "large-print", "send"),
    ("polite-long", "Alternative format request",
     "Good morning,\n\nI saw on your website that the Kent and Medway Domestic Abuse Strategy is available in other formats. "
     "I have macular degeneration and find ordinary print very hard. Would it be possible to have a larger print copy sent to me "
     "by email?\n\nKind regards\nPeter", "plain", "da", "large-print", "send"),
    ("lowercase-shouty", "", "DOMESTIC ABUSE STRATEGY. LARGE PRINT. THANKS", "plain", "da", "large-print", "send"),
    ("abbrev-da", "", "DA strategy in audio please", "plain", "da", "audio", "send"),
    ("keyword-dv", "", "Do you have anything about domestic violence in easy read?", "plain", "da", "easy-read", "send"),
    ("listen-readout", "", "can someone read the domestic abuse strategy out to me? a recording is fine", "plain", "da", "audio", "send"),
    ("web-link", "", "Please send https://www.council.example/domestic-abuse-strategy in large print", "plain", "da", "large-print", "send"),
    ("bigger-font", "", "the domestic abuse strategy but in a bigger font please", "plain", "da", "large-print", "send"),
    ("enlarged", "", "An enlarged copy of the domestic abuse strategy would help me.", "plain", "da", "large-print", "send"),
    ("txt-file", "", "Can I have a .txt file of the domestic abuse strategy for my braille notetaker software?", "plain", "da", "plain-text", "send"),
    ("no-document", "Large print", "Can I have it in large print please?", "plain", "", "large-print", "ask"),
    ("no-document-audio", "", "Do you do audio versions?", "plain", "", "audio", "ask"),
    ("no-format", "", "Please send me the domestic abuse strategy.", "plain", "da", "", "ask"),
    ("no-format-housing", "Housing", "I'd like a copy of the housing strategy", "plain", "housing", "", "ask"),
    ("nothing-clear", "Question", "Hello, I need some help with a document please.", "plain", "", "", "ask"),
    ("vague-strategy", "", "Can I have the strategy please in an accessible format", "plain", "", "", "ask"),
    ("hello-only", "hi", "hi", "plain", "", "", "ask"),
    ("braille", "", "Could I have a braille copy of the domestic abuse strategy?", "plain", "da", "braille", "handover"),
    ("bsl", "BSL", "Is there a BSL video of the domestic abuse strategy?", "plain", "da", "bsl", "handover"),
    ("sign-language", "", "I am Deaf. A sign language version of the domestic abuse strategy please.", "plain", "da", "bsl", "handover"),
    ("polish", "", "Could I have the domestic abuse strategy in Polish?", "plain", "da", "translation", "handover"),
    ("translate", "", "Can the domestic abuse strategy be translated into Urdu for my mother?", "plain", "da", "translation", "handover"),
    ("by-post", "", "Please post me a paper copy of the domestic abuse strategy. My address is 1 High Street.",
     "plain", "da", "post", "handover"),
    ("cd", "", "My grandad has no computer. Could he have the domestic abuse strategy on CD?", "plain", "da", "cd,audio", "handover+send"),
    ("large-and-braille", "", "Domestic abuse strategy in large print, and a braille copy too please", "plain", "da", "large-print,braille", "handover+send"),
    ("huge-size", "", "I need the domestic abuse strategy in 36 point", "plain", "da", "large-print,other-format", "handover+send"),
    ("withdrawn", "", "Can I have the community safety plan in large print?", "plain", "old", "large-print", "not-available"),
    ("withdrawn-audio", "", "the 2015 community safety plan as audio please", "plain", "old", "audio", "not-available"),
    ("out-of-office-no-header", "Re: Your request", "Thank you for your email. I am currently out of the office with limited access to email.",
     "plain", "", "", "ignore"),
    ("automatic-reply-subject", "Automatic reply: Domestic abuse strategy", "I will reply when I am back.", "plain", "", "", "ignore"),
    ("auto-submitted", "Thanks", "We have received your message.", "auto", "", "", "ignore"),
    ("list-mail", "Newsletter", "This month: the domestic abuse strategy in large print is available.", "list", "", "", "ignore"),
    ("bulk", "Offers", "Large print books on sale now!", "bulk", "", "", "ignore"),
    ("mailer-daemon", "Undelivered Mail Returned to Sender", "This is the mail system. Your message could not be delivered.",
     "daemon", "", "", "ignore"),
    ("spam", "YOU ARE A WINNER!!!", "Click here to claim your FREE prize! Act now! Wire transfer needed. Unsubscribe below.",
     "plain", "", "", "staff-queue"),
    ("signature-noise", "", "Domestic abuse strategy in audio please\n\n--\nJo Bloggs\nLarge Print Books Ltd\nwww.example.org",
     "plain", "da", "audio", "send"),
    ("quoted-offer", "Re: formats", "Easy read please.\n\nOn 3 May 2026, Alternative Formats wrote:\n> We have the domestic abuse strategy in "
     "large print, audio and braille.", "plain", "da", "easy-read", "send"),
    ("multiple-people", "", "For me the domestic abuse strategy in large print, and for my neighbour the same in audio.",
     "plain", "da", "large-print,audio", "send"),
]


def _message(i: int, case) -> bytes:
    slug, subject, body, kind, *_ = case
    msg = new_message(sender=f"Resident {i} <resident{i:03d}@example.org>", to=COUNCIL, subject=subject,
                      date=datetime(2026, 5, 4, 9, 0, tzinfo=timezone.utc) + timedelta(minutes=i),
                      message_id=f"<request-{i:03d}.{slug}@example.org>")
    if kind == "html":
        set_html(msg, f"<html><body>{body}</body></html>")
    elif kind == "forward":
        msg.set_content(body + "\n\n" + gmail_forward(
            "Kent County Council <news@council.example>", "Domestic Abuse Strategy",
            "The Kent and Medway Domestic Abuse Strategy is now published. If you need it in another format, email us.\n"))
    elif kind == "thread":
        in_thread(msg, "<reply-0001@council.example>", "<request-000.first@example.org> <reply-0001@council.example>")
        msg.set_content(body + "\n\n" + gmail_quote("On 4 May 2026, Alternative Formats wrote:",
                                                    "Which format would you like?") + "\n")
    elif kind == "latin1":
        msg.set_content(body, charset="iso-8859-1", cte="quoted-printable")
    elif kind == "outlook":
        msg.set_content(body + "\n\n________________________________\n" + outlook_quote(
            f"Alternative Formats <{COUNCIL}>", "04 May 2026 09:00", "Strategy",
            "We can send large print, audio or easy read.\n"))
    elif kind == "phone":
        msg.set_content(body + "\n\nSent from my iPhone\n")
    else:
        msg.set_content(body)
    if kind in ("auto", "list", "bulk"):
        mark_automatic(msg, {"auto": "auto-replied"}.get(kind, kind))
    elif kind == "daemon":
        replace_header(msg, "From", "Mail Delivery System <MAILER-DAEMON@mx.example.org>")
    return bytes(msg)


def main() -> None:
    written = write_corpus(HERE, (Case(f"{i:03d}-{case[0]}.eml", _message(i, case), *case[4:7])
                                  for i, case in enumerate(CASES, start=1)))
    print(f"wrote {written} messages to {HERE}")


if __name__ == "__main__":
    main()
