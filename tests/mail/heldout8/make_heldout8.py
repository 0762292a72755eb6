"""Build the eighth held-out corpus: 53 messages written blind, before reading workers/mail/*.py.

Run: .venv/bin/python tests/mail/heldout8/make_heldout8.py
The writer had read docs/email.md (what happens with each message, what is never answered, safeguarding,
measuring understanding), tests/mail/corpus_build.py and the structure of make_heldout5.py, but not the
matching code and not the messages of heldout1-7. Every expected answer was written before the first run;
`altformats mail evaluate tests/mail/heldout8` was then run once with no change to code or expectations.
Never tune the rules on these messages. Judgement calls (where the docs leave it open) are in NOTES.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_forward, gmail_quote, in_thread, new_message, outlook_quote,  # noqa: E402
                          set_html, write_corpus)

COUNCIL = "alt.formats@fenbridge.gov.uk"
ALLOC_REPLY = "<af-reply-8001@fenbridge.gov.uk>"
DA_REPLY = "<af-reply-8002@fenbridge.gov.uk>"
START = datetime(2026, 11, 23, 8, 40, tzinfo=timezone.utc)
OUR_TEXT = {
    ALLOC_REPLY: "Thank you for asking for the Housing Allocations Policy 2025.\nWe have attached it in large print.\n\n"
                 "If you need it in another format, reply to this email.",
    DA_REPLY: "Thank you for asking for the Domestic Abuse Safe Accommodation Strategy 2025-2028.\n"
              "We have attached it as audio (MP3).",
}
OUR_SUBJECT = "Re: Your request for a document in another format"

ICS = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
DTSTART:20261210T100000Z
DTEND:20261210T110000Z
SUMMARY:Accessible formats review - large print and audio backlog
ORGANIZER;CN=Pat Greaves:mailto:pat.greaves@fenbridge.gov.uk
ATTENDEE;RSVP=TRUE:mailto:alt.formats@fenbridge.gov.uk
END:VEVENT
END:VCALENDAR
"""

NOTES = {
    "805": "'read it out to me' is taken as audio (the docs list 'read aloud'); dyslexia is context, not easy read.",
    "811": "the CD is for dad who has no computer; the docs say the MP3 still goes to the sender (they can play it).",
    "820": "a complaint asking for nothing we make: apology, reference, staff queue (handover).",
    "822": "watched phone and a sister's address: a discreet acknowledgement naming nothing (handover). The document "
           "is still expected to be understood for staff.",
    "825": "'stop emailing me here, he will see it' with no request: no reply, a safeguarding staff item (staff-queue); "
           "it is in the thread of our domestic abuse strategy reply, so that document is expected (as for thanks).",
    "832": "an Outlook message recall is machine mail; a careful officer would not answer it.",
    "833": "an advocate asks for a posted copy to the client's home: the posted copy goes to staff beside the easy read.",
    "837": "mostly Romanian: staff queue with a reference; the document name is in English and is expected to be found.",
    "841": "'I struggle with reading' names no format clearly: ask which format.",
    "842": "angry capitals about PDFs, but no complaint words and a clear request: send plain text (screen reader).",
    "844": "'easy read or audio, either is fine': a kind officer sends both.",
    "846": "a CD with 'we have no computer at home': no MP3, the CD goes to staff.",
    "849": "Makaton is a format we do not make (other-format); a social worker asks for a call: handover.",
    "850": "an IDVA for a client: 'do not post anything' is a sign of danger, files by email, flagged (send+flag).",
    "852": "a part-time worker's 'I work Mon-Wed only and will respond on my next working day' is an absence notice.",
}

SIG_CHARITY = ("Kind regards\n\nRuth Amadi\nSight Loss Advice Worker\nFenbridge Vision Support\n"
               "Registered charity 1123456\nThis email is available in large print, braille and audio on request.\n"
               "This email and any attachments are confidential.")

# (slug, subject, body, kind, documents, formats, decision)
# kind: plain | html | thread-alloc | thread-da | special:<name> (built in build())
CASES = [
    ("alocations-big-writing", "", "hi can i hav the housing alocations polcy in big writing please my eyes are bad "
     "now and i cant read the one on the computer", "plain", "allocations", "large-print", "send"),
    ("text-speak-blue-badge-audio", "blue badge", "hiya cn u send me da blue badge guide as audio thx x",
     "plain", "blue-badge", "audio", "send"),
    ("rambling-widow-twenty-four-point", "Charging for care",
     "Dear Sir or Madam,\n\nI hope you do not mind me writing. My husband Arthur passed away in the spring and he "
     "always did the paperwork, so I am rather lost with it all. The lady from the hospital discharge team said "
     "I might have to pay something towards my carers coming in the mornings and she left me a leaflet but the "
     "print is far too small for me, I have macular degeneration in both eyes now. My grandson printed some of it "
     "off the internet for me but that was small as well. I have been meaning to write for a few weeks.\n\n"
     "Could I please have the paying for care document in twenty four point print?\n\n"
     "Thanking you in anticipation,\nMargaret Holloway (Mrs)", "plain", "care-charging", "large-print", "send"),
    ("mum-partially-sighted-garden-waste-posted", "brown bins",
     "Hello, my mum is partially sighted and wants to sign up for the brown bin. Please could you send the garden "
     "waste terms in large print and could a copy be posted to her as well? She is at 3 Orchard Close, FE4 2LP. "
     "Thanks, Dev", "plain", "garden-waste", "large-print,post", "handover+send"),
    ("read-it-out-school-transport", "school bus",
     "hello im dyslexic and the school transport policy is loads of writing. can you read it out to me? like a "
     "recording or something. my son starts in september", "plain", "school-transport", "audio", "send"),
    ("iphone-html-warm-spaces", "",
     "Hi do you have the warm spaces list in large print? My nan wants to know where she can go this winter<br><br>"
     "Sent from my iPhone", "html", "warm-spaces", "large-print", "send"),
    ("thread-alloc-easy-read-too", OUR_SUBJECT,
     "Thank you for this. My brother has a learning disability, could we also have it in easy read please?",
     "thread-alloc", "allocations", "easy-read", "send"),
    ("thread-da-thanks", OUR_SUBJECT, "thank you so much for this, it means a lot", "thread-da",
     "da-strategy", "", "no-action"),
    ("support-worker-forwards-client-cts", "Fwd: council tax",
     "Hi,\n\nI support Mr Okafor with his tenancy. He asked me to forward his email below.\n\nMany thanks\n"
     "Gemma Price\nFloating Support Worker, Fenbridge Housing Trust\n\n" + gmail_forward(
         "Emeka Okafor <e.okafor@example.com>", "council tax",
         "gemma can you ask the council for the council tax support thing in easy read, the letter they sent me "
         "I dont understand it", date="Fri, 20 Nov 2026 at 16:02", to="Gemma Price <g.price@fht.example.org>"),
     "plain", "cts", "easy-read", "send"),
    ("social-worker-learning-disability-version", "Accessible version request",
     "Good afternoon,\n\nI am a social worker in the Learning Disability Team. Do you have a version of the Adult "
     "Social Care Charging Policy for someone with a learning disability? My service user is anxious about the "
     "financial assessment and I would like to go through it with her.\n\nBest wishes,\nTom Ellery\nSocial Worker",
     "plain", "care-charging", "easy-read", "send"),
    ("is-there-a-cd-blue-badge-dad", "",
     "Is there a CD of the blue badge eligibility guide? My dad is 84 and has not got a computer, he just has his "
     "old CD player.", "plain", "blue-badge", "audio,cd", "handover+send"),
    ("withdrawn-dementia-plan", "dementia plan large print",
     "Please may I have the Dementia Friendly Community Plan in large print. I run a memory cafe at St Johns.",
     "plain", "dementia", "large-print", "not-available"),
    ("unknown-allotment-rules-braille", "Braille",
     "Hello. I would like the allotment tenancy rules in braille please. I have had plot 14 for 20 years.",
     "plain", "", "braille", "not-available"),
    ("deaf-sign-language-video-hate-crime", "BSL",
     "I am Deaf and BSL is my language. English is hard for me. Can you make the hate crime reporting guide a sign "
     "language video? Something happen to me on the bus.", "plain", "hate-crime", "bsl", "handover"),
    ("out-of-office-no-header", "Re: enquiry",
     "Thank you for your email. I am currently away from the office until Monday 30th November with limited "
     "access to email. If your enquiry is urgent please call the team on 01632 960 400.\n\nJo Baxter",
     "plain", "", "", "ignore"),
    ("plain-text-bounce-normal-sender", "Message not delivered",
     "Your message could not be delivered to one or more recipients.\n\nRecipient address: "
     "m.jones@oldhousing.example.net\nReason: mailbox unavailable (550 5.1.1 user unknown)\n\nThe mail system "
     "gave up after 3 attempts.\n\n--- Original message ---\nSubject: garden waste terms large print\n",
     "special:bounce", "", "", "ignore"),
    ("community-newsletter-no-headers", "Fenbridge Residents Association - November news",
     "View in browser\n\nIn this issue: the Christmas lights switch-on, the new warm spaces in the library, and our "
     "large print AGM papers.\n\nYou are receiving this email because you opted in at our summer fair.\n"
     "Unsubscribe | Update your preferences", "plain", "", "", "ignore"),
    ("council-tax-refund-phishing", "Council Tax Refund Notification",
     "Dear Resident,\n\nAfter the annual calculation of your council tax you are eligible to receive a refund of "
     "GBP 318.40. To receive your refund please verify your account and enter your bank details using the secure "
     "link below within 48 hours.\n\nhttp://fenbridge-gov-uk.refund-portal.example.top/claim\n\nCouncil Tax "
     "Refunds Team", "special:phish", "", "", "staff-queue"),
    ("thanks-not-in-thread", "thank you",
     "Just a quick note to say thank you for the large print garden waste terms, they arrived fine and I have "
     "filled the form in now. Very helpful. Pauline", "plain", "garden-waste", "", "no-action"),
    ("complaint-bin-left-on-pavement", "Complaint",
     "Your crews left my brown bin in the middle of the pavement again on Tuesday and my neighbour who is blind "
     "walked straight into it. This is the third time. I want someone to phone me about it, 07700 900 321.",
     "plain", "", "", "handover"),
    ("partner-reads-post-da-large-print", "",
     "please dont send it to my home address, my partner reads my post. can I have the domestic abuse strategy "
     "by email in large print. thank you", "plain", "da-strategy", "large-print", "send+flag"),
    ("phone-checked-sisters-address", "housing",
     "hi he goes through my phone so please send the housing allocations policy to my sisters email "
     "jen.kowalski@example.net instead not this one. plain text is fine", "plain", "allocations", "plain-text",
     "handover"),
    ("careful-what-comes-to-the-house", "",
     "I have to be careful what comes to the house. Could you email me the domestic abuse safe accommodation "
     "strategy as plain text so I can read it on my phone.", "plain", "da-strategy", "plain-text", "send+flag"),
    ("refuge-easy-read-no-post", "housing list",
     "hello I'm in a refuge at the moment and my key worker said to ask you. could i get the housing allocation "
     "policy in easy read. please dont post anything", "plain", "allocations", "easy-read", "send+flag"),
    ("stop-emailing-he-will-see", OUR_SUBJECT,
     "please stop sending things to this email, he will see it. i will get in touch another way", "thread-da",
     "da-strategy", "", "staff-queue"),
    ("calendar-invitation", "Invitation: Accessible formats review @ Thu 10 Dec 2026 10:00 - 11:00 (GMT)",
     "You have been invited to the following event.\n\nAccessible formats review - large print and audio backlog\n"
     "When: Thu 10 Dec 2026 10:00 - 11:00 (GMT)\nJoining info: Join with Google Meet\n\nGoing? Yes - Maybe - No",
     "special:ics", "", "", "ignore"),
    ("dutch-read-receipt", "Gelezen: Your request for a document in another format",
     "Uw bericht\n\n  Aan: Wim de Vries\n  Onderwerp: Your request for a document in another format\n  "
     "Verzonden: maandag 23 november 2026 09:14:02 (UTC+01:00)\n\nis gelezen op maandag 23 november 2026 "
     "11:02:40 (UTC+01:00).", "plain", "", "", "ignore"),
    ("citizens-advice-ticket-ack", "[Ticket #448213] We have received your request",
     "##- Please type your reply above this line -##\n\nThank you for contacting Fenbridge Advice Line. Your "
     "request (448213) has been received and is being reviewed by our support staff. We will be in touch within "
     "5 working days.\n\nTo add additional comments, reply to this email.", "special:ticket", "", "", "ignore"),
    ("access-network-digest", "AccessNet Digest, Vol 42, Issue 7",
     "Send AccessNet mailing list submissions to\n\taccessnet@groups.example.org\n\nToday's Topics:\n\n   1. Re: "
     "large print council tax bills (Sue Marsh)\n   2. audio versions of local plans (D. Kerr)\n\n------------\n\n"
     "Message: 1\nDate: Sun, 22 Nov 2026 18:20:11\nFrom: Sue Marsh\nSubject: Re: large print council tax bills\n\n"
     "Has anyone got the Fenbridge council tax support scheme in large print yet?\n", "special:digest",
     "", "", "ignore"),
    ("housing-association-crm-ack", "Your enquiry ENQ-77120",
     "Thank you for contacting Riverside Vale Homes. Your enquiry reference is ENQ-77120. We aim to respond to all "
     "enquiries within 10 working days. This mailbox is not monitored, please do not reply to this email.",
     "special:crm", "", "", "ignore"),
    ("automatic-reply-in-our-thread", "Automatic reply: Your request for a document in another format",
     "I'm on annual leave until Monday 4 January. For anything urgent about tenants please contact "
     "housing.team@example.org.", "thread-alloc", "", "", "ignore"),
    ("outlook-recall", "Recall: large print please",
     "Nadia Rahman would like to recall the message, \"large print please\".", "plain", "", "", "ignore"),
    ("advocate-easy-read-and-posted", "Blue Badge guide - easy read",
     "Dear Accessible Formats team,\n\nI am an independent advocate at Fenbridge Mencap supporting a gentleman "
     "with a learning disability who wants to apply for a blue badge. Please could you send me the Blue Badge "
     "Eligibility Guide in easy read, and also post a copy to him at 14 Mill Lane, Fenbridge FE2 7QS, as he "
     "likes to have paper.\n\nThank you,\nLeah Morgan\nIndependent Advocate", "plain", "blue-badge",
     "easy-read,post", "handover+send"),
    ("sight-loss-charity-braille-audio", "Request on behalf of a member",
     "Hello,\n\nOn behalf of our member Mrs D (registered blind), could you provide the Council Tax Support Scheme "
     "in braille and in audio please? She would like the audio by email to me and I will put it on her player.\n\n"
     + SIG_CHARITY, "plain", "cts", "audio,braille", "handover+send"),
    ("senco-screen-reader-signature", "school transport policy accessible",
     "Hi there, please can you send the school transport policy as plain text for a parent who uses a screen "
     "reader? Many thanks\n\nKind regards\nAnita Shah\nSENCo, Fenbridge Primary\nThis message is available in "
     "large print, braille or easy read on request.", "plain", "school-transport", "plain-text", "send"),
    ("non-native-polish-garden-waste", "garden waste",
     "Hello, I am need the document of garden waste in Polish language please, my english is not so good. "
     "Thank you very much", "plain", "garden-waste", "translation", "handover"),
    ("romanian-blue-badge", "Blue Badge",
     "Bună ziua, aș dori ghidul pentru Blue Badge în limba română, pentru mama mea care are 79 de ani. "
     "Vă mulțumesc frumos.", "plain", "blue-badge", "translation", "handover"),
    ("two-docs-two-formats", "two documents please",
     "Could I have the warm spaces directory and the council tax support scheme, both in large print and audio "
     "please. Thanks, Bill", "plain", "cts,warm-spaces", "audio,large-print", "send"),
    ("old-cts-edition-really-big", "council tax support",
     "can i have the council tax support scheme 2024-25 in really big writing. i need to check what it said back "
     "then for my appeal", "plain", "cts-old", "large-print", "not-available"),
    ("that-leaflet-neighbour", "",
     "can you send me that leaflet in big print you sent my neighbour at number 6", "plain", "", "large-print", "ask"),
    ("local-plan-no-format", "Local plan",
     "I'd like a copy of the local plan consultation please, I struggle with reading.", "plain", "local-plan", "",
     "ask"),
    ("angry-capitals-screen-reader", "PDF",
     "WHY IS YOUR HOUSING ALLOCATIONS POLICY ONLY A PDF. I CANT READ PDFS IM BLIND. SEND ME SOMETHING MY SCREEN "
     "READER CAN READ", "plain", "allocations", "plain-text", "send"),
    ("very-short-subject-only", "blue badge guide", "audio pls", "plain", "blue-badge", "audio", "send"),
    ("dyslexic-either-is-fine", "garden waste",
     "Hi im dyslexic and find long documents hard, is their a easy read or a audio of the garden waste terms. "
     "either is fine", "plain", "garden-waste", "audio,easy-read", "send"),
    ("nested-outlook-forward-warm-hubs", "FW: FW: warm hubs",
     "Forwarding for my mum, see her message at the bottom. Thanks, Kerry\n\n" + outlook_quote(
         "Kerry Lane <kerry.lane@example.co.uk>", "22 November 2026 19:40", "FW: warm hubs",
         "Mum, I'll send this on to them.\n\n" + outlook_quote(
             "Jean Lane <jeanlane47@example.com>", "22 November 2026 15:02", "warm hubs",
             "Kerry love could you ask the council for the warm hubs list in large print, 18 point, the one in "
             "the paper was tiny. Love Mum"), to="Jean Lane"),
     "plain", "warm-spaces", "large-print", "send"),
    ("cd-no-computer-at-home", "CD",
     "Is there a CD of the domestic abuse strategy? We have no computer at home.", "plain", "da-strategy", "cd",
     "handover"),
    ("what-have-you-got-easy-read", "easy read",
     "what have you got in easy read?", "plain", "", "easy-read", "ask"),
    ("thread-yes-thats-the-one", OUR_SUBJECT, "yes that's the one, thank you", "thread-alloc", "allocations", "",
     "no-action"),
    ("social-worker-makaton-ring-me", "Makaton",
     "Hello, please could someone from the accessibility team give me a ring on 01632 960 123 about a client "
     "who needs some of your documents in Makaton symbols. Thanks, Priya (Social Worker, Adult Services)",
     "plain", "", "other-format", "handover"),
    ("idva-client-no-post-easy-read", "Request for client",
     "Hi,\n\nI'm an IDVA supporting a client who has recently fled domestic abuse. Please do not post anything to "
     "her old address. Could you email me the domestic abuse safe accommodation strategy in easy read so I can go "
     "through it with her?\n\nThanks\nSam Rees\nIndependent Domestic Violence Advisor", "plain", "da-strategy",
     "easy-read", "send+flag"),
    ("moon-blue-badge", "", "Does the blue badge guide come in Moon? I was taught Moon not braille.", "plain",
     "blue-badge", "other-format", "handover"),
    ("part-time-absence-notice", "Re: warm spaces",
     "Thank you for your email. Please note I now work Monday to Wednesday only and will respond on my next "
     "working day.\n\nHelen Craig\nCommunity Development Officer", "plain", "", "", "ignore"),
    ("page-link-16pt", "",
     "https://www.fenbridge.gov.uk/home-to-school-transport-policy\n\ncan i get this in large print 16pt",
     "plain", "school-transport", "large-print", "send"),
]


def _automatic_sender(kind: str) -> str:
    return {"special:bounce": "Postmaster Notices <notices@oldhousing.example.net>",
            "special:ticket": "Fenbridge Advice Line <support@fenbridgeadvice.example.org>",
            "special:digest": "AccessNet <accessnet@groups.example.org>",
            "special:crm": "Riverside Vale Homes <enquiries@riversidevale.example.org>",
            "special:phish": "Council Tax Refunds <refunds@fenbridge-gov-uk.example.top>",
            "special:ics": "Pat Greaves <pat.greaves@fenbridge.gov.uk>"}.get(kind, "")


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    sender = _automatic_sender(kind) or f"Resident {n} <res{n}@example.org>"
    msg = new_message(sender=sender, to=COUNCIL, subject=subject,
                      date=START + timedelta(minutes=13 * n), message_id=f"<heldout8-{n}.{slug}@example.org>")
    if kind == "html":
        set_html(msg, f"<html><head><meta name=\"viewport\" content=\"width=device-width\"></head>"
                      f"<body><div dir=\"auto\">{body}</div></body></html>")
    elif kind.startswith("thread-"):
        ours = ALLOC_REPLY if kind == "thread-alloc" else DA_REPLY
        in_thread(msg, ours, ours)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Mon, 23 Nov 2026 at 08:12, <{COUNCIL}> wrote:",
                                                    OUR_TEXT[ours]))
    elif kind == "special:ics":
        msg.set_content(body)
        msg.add_alternative(ICS, subtype="calendar", params={"method": "REQUEST"})
        msg.add_attachment(ICS.encode(), maintype="application", subtype="ics", filename="invite.ics")
    else:
        msg.set_content(body)
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 801)


if __name__ == "__main__":
    main()
