"""Build the fifth held-out corpus: 33 messages written blind, before reading workers/mail/*.py.

Run: .venv/bin/python tests/mail/heldout5/make_heldout5.py
The writer had read docs/email.md (so knew the documented behaviour) and one earlier held-out set
(heldout4) for the file format, but not the matching code. Run once with `altformats mail evaluate`
before any fix: that first figure is the honest one. Never tune the rules on these messages.
Thanks-only messages were first written expecting "ignore" (recorded, not answered); after the first run they
were relabelled "no-action", the decision added for people who ask for nothing (no expectation otherwise changed).
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_forward, gmail_quote, in_thread, new_message, outlook_quote,  # noqa: E402
                          set_html, write_corpus)

COUNCIL = "accessible.formats@eastmoor.gov.uk"
CARERS_REPLY = "<af-reply-5001@eastmoor.gov.uk>"
HMO_REPLY = "<af-reply-5002@eastmoor.gov.uk>"
START = datetime(2026, 9, 7, 9, 5, tzinfo=timezone.utc)
OUR_TEXT = {
    CARERS_REPLY: "Thank you for asking for the Carers Strategy 2024-2027.\nWe have attached it in large print.",
    HMO_REPLY: "Thank you for asking for the Houses in Multiple Occupation Licensing Policy.\n"
               "We have attached it as plain text.",
}
DISCLAIMER = ("Sam Patel\nTenant Liaison Officer\nEastmoor Homes\n\nThis email and any attachments are confidential "
              "and intended only for the addressee. If you have received it in error please delete it and tell "
              "the sender. Please consider the environment before printing this email.")

# (slug, subject, body, kind, documents, formats, decision)
# kind: plain | html | thread-carers | thread-hmo | forward | outlook-forward
CASES = [
    ("libary-stratergy-big-print", "", "coud i get the libary stratergy in big print pls", "plain",
     "libraries", "large-print", "send"),
    ("forwarded-for-mum", "Fwd: carers",
     "Hi, my mum asked me to pass this on to you.\n\n" + gmail_forward(
         "Joan Marsh <joan.marsh@example.org>", "carers",
         "I would like the carers strategy in audio please, my eyes are not good these days. Joan",
         date="Sat, 5 Sept 2026 at 18:02"),
     "forward", "carers", "audio", "send"),
    ("html-hmo-easy-read", "Request",
     "<p>Dear Sir/Madam,</p><p>I am writing to request the Houses in Multiple Occupation licensing&nbsp;policy "
     "in an <b>easy read</b> version.</p><p>Kind regards,<br>A. Okafor</p>", "html", "hmo", "easy-read", "send"),
    ("thread-thanks-and-mp3", "Re: Your request for a document in another format",
     "Thanks, that worked. Could I also have it as an MP3 for the car?", "thread-carers", "carers", "audio", "send"),
    ("bins-and-parking", "two documents",
     "Please send me the bin collection policy and the parking enforcement policy. Large print for the first one "
     "and plain text for the second.", "plain", "parking,waste", "large-print,plain-text", "send"),
    ("chit-chat-text-only", "hello",
     "Hello there, hope you're keeping well in this weather! I saw a note at the bottom of the tenancy strategy "
     "saying I could ask for another format. I'm blind and use a screen reader, so a text only version would be "
     "wonderful.\n\nMany thanks,\nPat", "plain", "tenancy", "plain-text", "send"),
    ("thread-got-it", "Re: Your request for a document in another format",
     "Got it, thank you so much. Have a lovely weekend!", "thread-carers", "carers", "", "no-action"),
    ("thread-thats-great", "Re: Your request for a document in another format",
     "That's great, received the file and it opens fine on my phone. Cheers", "thread-hmo", "hmo", "",
     "no-action"),
    ("thread-all-sorted", "Re: Your request for a document in another format",
     "Yes that's the right one, all sorted now. Thanks again for your help.", "thread-carers", "carers", "",
     "no-action"),
    ("polish", "Prośba",
     "Dzień dobry, proszę o przesłanie strategii dotyczącej opiekunów w dużym druku. Z góry dziękuję, Anna",
     "plain", "", "translation", "handover"),
    ("welsh-html", "Cais",
     "<p>Bore da,</p><p>Hoffwn gael copi o'r Strategaeth Gofalwyr mewn print bras os gwelwch yn dda.</p>"
     "<p>Diolch yn fawr,<br>Rhys</p>", "html", "", "translation", "handover"),
    ("german-auto-ack", "Ihre Nachricht ist bei uns eingegangen",
     "Vielen Dank für Ihre E-Mail. Dies ist eine automatisch erstellte Eingangsbestätigung. Wir werden Ihre "
     "Anfrage so schnell wie möglich bearbeiten.", "plain", "", "", "ignore"),
    ("french-auto-ack", "Accusé de réception",
     "Bonjour, nous avons bien reçu votre message et nous vous répondrons dans les meilleurs délais. Ceci est un "
     "message automatique, merci de ne pas y répondre.", "plain", "", "", "ignore"),
    ("thread-post-it-to-me", "Re: Your request for a document in another format",
     "Is there any chance you could post it to me instead? I don't have a printer. 12 Ash Grove, Eastmoor EM4 2TQ",
     "thread-hmo", "hmo", "post", "handover"),
    ("library-20-point-by-post", "Library strategy",
     "Please could I have the library strategy in 20 point, and could it be sent by post to my home address? "
     "I will give you the address if you need it.", "plain", "libraries", "large-print,post", "handover+send"),
    ("heatwave-size-24", "", "I need the heatwave plan in size 24 font", "plain", "heatwave", "large-print", "send"),
    ("heatwave-thing-audio", "", "have you got the heatwave thing as audio?", "plain", "heatwave", "audio", "send"),
    ("cemetery-rules-easy-read", "graves",
     "Hello, could you send the cemetery rules in easy read please. My brother has a learning disability and "
     "wants to read them himself.", "plain", "cemetery", "easy-read", "send"),
    ("just-the-strategy", "", "Can I have the strategy in large print?", "plain", "", "large-print", "ask"),
    ("seo-agency", "Quick question about eastmoor.gov.uk",
     "Hi there,\n\nI was looking at your website and noticed a few issues holding it back in search results. "
     "We're a digital marketing agency helping councils boost organic traffic with link building and content "
     "marketing. Can I send you a quick proposal with pricing?\n\nBest,\nJake\nGrowth Manager, RankRise Digital",
     "plain", "", "", "staff-queue"),
    ("email-list-sales", "Verified decision-maker contacts",
     "Hello, would you be interested in acquiring a verified email list of 45,000 UK local government and "
     "public sector decision makers? Special discount this month only. Reply YES for a free sample and pricing.",
     "plain", "", "", "staff-queue"),
    ("which-in-audio", "audio", "What documents do you have in audio?", "plain", "", "audio", "ask"),
    ("withdrawn-council-tax", "", "Council tax reduction scheme in large print please", "plain", "ctr",
     "large-print", "not-available"),
    ("vawg-signed-video", "VAWG",
     "My husband is Deaf and BSL is his first language. Is the VAWG strategy available as a signed video?",
     "plain", "vawg", "bsl", "handover"),
    ("signature-disclaimer-parking", "Parking policy",
     "Please send the Parking Enforcement Policy in easy read format.\n\nRegards\n\n" + DISCLAIMER, "plain",
     "parking", "easy-read", "send"),
    ("local-offer-braille", "", "Do you do the local offer in braille?", "plain", "send-offer", "braille",
     "handover"),
    ("html-bins-read-aloud", "",
     "<div>Hi</div><div>Could I get the <b>bin collection policy</b> read aloud - as an audio file?</div>"
     "<div>Thanks</div>", "html", "waste", "audio", "send"),
    ("out-of-office-no-header", "Away",
     "I'm currently out of the office with limited access to email and will be back on Monday 14th September.",
     "plain", "", "", "ignore"),
    ("thanks-not-in-thread", "Thank you",
     "Just wanted to say thank you for the large print carers strategy you sent last week, it made a real "
     "difference to my dad.", "plain", "carers", "", "no-action"),
    ("tennancy-posted-too", "",
     "Hiya, can I get the tennancy strategy in large print? Could it be posted as well please, I'm not online much",
     "plain", "tenancy", "large-print,post", "handover+send"),
    ("outlook-forward-vawg-easy-read", "FW: leaflet",
     "Hi, forwarding on behalf of a client I support. Thanks, Jo\n\n" + outlook_quote(
         "Kelly <kelly.b@example.com>", "04 September 2026 16:40", "leaflet",
         "hi can i have the VAWG strategy in easy read. i have a learning disability",
         to="Jo Reed <jo.reed@support.example.org>"),
     "outlook-forward", "vawg", "easy-read", "send"),
    ("library-no-format", "copy", "Can I have a copy of the library strategy please?", "plain", "libraries", "",
     "ask"),
    ("heatwave-larger-and-library-hours", "",
     "I'm partially sighted. Is the heatwave plan available in larger type? Also, is the library on Ash Street "
     "open on Sundays?", "plain", "heatwave", "large-print", "send"),
]


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    msg = new_message(sender=f"Resident {n} <res{n}@example.org>", to=COUNCIL, subject=subject,
                      date=START + timedelta(minutes=11 * n), message_id=f"<heldout5-{n}.{slug}@example.org>")
    if kind == "html":
        set_html(msg, f"<html><body>{body}</body></html>")
    elif kind.startswith("thread-"):
        ours = CARERS_REPLY if kind == "thread-carers" else HMO_REPLY
        in_thread(msg, ours, ours)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Mon, 7 Sept 2026 at 08:12, <{COUNCIL}> wrote:",
                                                    OUR_TEXT[ours]))
    else:
        msg.set_content(body)
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 501)


if __name__ == "__main__":
    main()
