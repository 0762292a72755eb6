"""Build the fourth held-out corpus: 17 messages written after the issue-7 fixes, run once, never tuned on.

Run: .venv/bin/python tests/mail/heldout4/make_heldout4.py
Unlike heldout/ and heldout3/, these were written by someone who had read the matching rules, so
the figure is an honest "after the fixes, on unseen messages" but not a blind one.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_quote, in_thread, new_message, replace_header, set_html,  # noqa: E402
                          write_corpus)

COUNCIL = "formats@northvale.gov.uk"
OUR_REPLY = "<formats-reply-3310@northvale.gov.uk>"
START = datetime(2026, 8, 20, 8, 15, tzinfo=timezone.utc)
OUR_EARLIER_TEXT = "Thank you for asking for the All-Age Autism Strategy 2025-2030.\nWe have attached it in large print."

# (slug, subject, body, kind, documents, formats, decision); kind: plain | html | thread | daemon
CASES = [
    ("font-size-22", "Blue badge",
     "Good morning, I'm registered partially sighted. Please can I have the Blue Badge guidance in font size 22? "
     "Thanks, Margaret", "plain", "blue-badge", "large-print", "send"),
    ("flood-sound-file", "", "flood risk strategy please, as a sound file, I have dyslexia", "plain", "flood", "audio",
     "send"),
    ("thread-easy-read-rather", "Re: Your request for a document in another format",
     "Sorry, could I have it in easy read rather than large print?", "thread", "autism", "easy-read", "send"),
    ("post-council-plan", "Council Plan",
     "Please could you post a printed copy of the Council Plan to 4 Mill Lane", "plain", "council-plan", "post",
     "handover"),
    ("bengali", "", "I need the autism strategy translated into Bengali for my parents", "plain", "autism",
     "translation", "handover"),
    ("british-sign-language", "Allotments",
     "Hi, is there a British Sign Language version of the allotments policy?", "plain", "allotments", "bsl",
     "handover"),
    ("withdrawn-cctv", "", "Could I have the CCTV code of practice in large print?", "plain", "cctv", "large-print",
     "not-available"),
    ("annual-leave-no-header", "Annual leave",
     "I am on annual leave until 2 September. If your query is urgent please email the team inbox.", "plain", "", "",
     "ignore"),
    ("mailer-daemon", "Mail delivery failed: returning message to sender",
     "This message was created automatically by mail delivery software. A message that you sent could not be "
     "delivered to one or more of its recipients.", "daemon", "", "", "ignore"),
    ("two-docs-screen-reader", "",
     "Blue badge guide and the allotments policy please, both in plain text for my screen reader", "plain",
     "allotments,blue-badge", "plain-text", "send"),
    ("html-audiobook-and-large", "",
     "<div>Hello</div><div>Do you have the council plan as an audiobook and in large print?</div>", "html",
     "council-plan", "audio,large-print", "send"),
    ("flood-thingy", "", "Can you send me the flood thingy in easy read", "plain", "flood", "easy-read", "send"),
    ("which-in-braille", "braille", "What documents do you have in braille?", "plain", "", "braille", "ask"),
    ("big-print-posted-for-dad", "",
     "Please can my dad have the autism strategy in big print - he's 88 and doesn't do computers so could it be "
     "posted?", "plain", "autism", "large-print,post", "handover+send"),
    ("seo-spam", "Page 1 of Google guaranteed",
     "Hi, I noticed your website is not ranking. Our SEO services will rank you on page 1 of Google. "
     "Reply for a FREE audit! 100% guaranteed results.", "plain", "", "", "staff-queue"),
    ("thanks-in-thread", "Re: Your request for a document in another format",
     "Thanks for sending the autism strategy. It's perfect.", "thread", "autism", "", "no-action"),
    ("alotment-larger-writing", "", "i want the alotment polcy in larger writing", "plain", "allotments",
     "large-print", "send"),
]


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    msg = new_message(sender=f"Resident {n} <res{n}@example.net>", to=COUNCIL, subject=subject,
                      date=START + timedelta(minutes=13 * n), message_id=f"<heldout4-{n}.{slug}@example.net>")
    if kind == "html":
        set_html(msg, f"<html><body>{body}</body></html>")
    elif kind == "thread":
        in_thread(msg, OUR_REPLY, OUR_REPLY)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Thu, 20 Aug 2026, <{COUNCIL}> wrote:", OUR_EARLIER_TEXT))
    else:
        msg.set_content(body)
    if kind == "daemon":
        replace_header(msg, "From", "Mail Delivery System <MAILER-DAEMON@mx.example.net>")
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 401)


if __name__ == "__main__":
    main()
