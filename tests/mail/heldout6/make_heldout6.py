"""Build the sixth held-out corpus: 48 messages written blind, before reading workers/mail/*.py.

Run: .venv/bin/python tests/mail/heldout6/make_heldout6.py
The writer had read only docs/email.md ("What it does with each message", "What is never answered",
"Measuring understanding"), tests/mail/corpus_build.py and the structure of heldout5's builder, not the
matching code or the other sets' messages. Every expected answer was written before the first run of
`altformats mail evaluate tests/mail/heldout6`; that first figure is the honest one. Never tune the rules
on these messages, and never change an expectation after seeing the result.

Where docs/email.md leaves a case open, the expectation is what a kind, careful council officer would
want; NOTES below says which rows those are and why.
"""
from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from corpus_build import (write_numbered_set, Case, gmail_forward, gmail_quote, in_thread, mark_automatic, new_message,  # noqa: E402
                          outlook_quote, set_html, write_corpus)

COUNCIL = "alternative.formats@northbridge.gov.uk"
DEMENTIA_REPLY = "<af-reply-6001@northbridge.gov.uk>"
ALLOCATIONS_REPLY = "<af-reply-6002@northbridge.gov.uk>"
DA_REPLY = "<af-reply-6003@northbridge.gov.uk>"
THREADS = {"dementia": DEMENTIA_REPLY, "allocations": ALLOCATIONS_REPLY, "da": DA_REPLY}
OUR_TEXT = {
    DEMENTIA_REPLY: "Thank you for asking for the Dementia Friendly Northbridge Strategy 2024-2028.\n"
                    "We have attached it in large print.",
    ALLOCATIONS_REPLY: "Thank you for asking for the Housing Allocations Scheme 2025.\n"
                       "We have attached it as audio (MP3).",
    DA_REPLY: "Thank you for asking for the Domestic Abuse Safe Accommodation Strategy 2024-2027.\n"
              "We have attached it in large print.",
}
OUR_SUBJECT = "Your request for a document in another format"
START = datetime(2026, 11, 23, 8, 40, tzinfo=timezone.utc)

VOLUNTARY_SIGNATURE = (
    "--\nMarcia Greene\nCommunity Connector\nNorthbridge Voluntary Action | Registered charity no. 1098765\n"
    "We can provide our information in large print, braille, audio or easy read on request.\n"
    "This email is confidential and may be privileged. If you are not the intended recipient please tell us "
    "and delete it.")

RAMBLE = (
    "Good morning,\n\nI hope you don't mind me writing, I wasn't sure who to ask so I tried this address from "
    "the bottom of the letter. I have lived in Northbridge for forty one years now, first on Canal Street and "
    "then up at the Heights since my late husband retired from the railway. I have had my plot at Mill Road "
    "for nearly twenty years, it keeps me going, and the committee have been very good to me since my hip. "
    "We grew marrows this year bigger than last year's, and the new water troughs are a great improvement, "
    "so please pass on my thanks to whoever sorted those out.\n\nAnyway the reason I'm writing is my eyesight "
    "has gone downhill with the macular degeneration and I can no longer read the allotment rules that are "
    "pinned up on the board by the gate. There's talk about changes to the rules on bonfires and sheds and I "
    "don't want to get anything wrong. Do you do them in a bigger size? 18 point would be ideal, that is what "
    "the eye clinic said suits me.\n\nWith kind regards\nMargaret Aldous (plot 14)")

FORWARD_CHAIN = (
    "Hi there,\n\nPlease see the email chain below from one of our clients. Could you help her?\n\n"
    "Thanks\nPriya\nAdviser, Citizens Advice Northbridge\n\n"
    + outlook_quote("Tom Hughes <tom.hughes@canorthbridge.example>", "20 November 2026 16:02",
                    "FW: housing letter",
                    "Priya - can you send this on to the council's formats team? I think it's one for them. Tom\n\n"
                    + outlook_quote("Leanne Doyle <leannedoyle88@example.com>", "19 November 2026 21:47",
                                    "housing letter",
                                    "Hello, I got a letter saying I'm in band C on the housing register and to "
                                    "read the allocations policy. I have dyslexia and a learning difficulty and "
                                    "I cant read long documents. Can I have the allocations policy in easy read "
                                    "and also as audio please so I can listen to it. Thank you Leanne"),
                    to="Priya Shah"))

NEIGHBOUR_FORWARD = (
    "see below, it's from my neighbour Mr Evans, he hasn't got email so I said I'd send it for him. "
    "Please reply to me.\n\n" + gmail_forward(
        "Gwyn Evans <no email>", "flood leaflet",
        "To the council. Since the water came up in the street last winter I want to read the flood strategy. "
        "I am registered blind and I listen to things on my talking computer, a plain text copy would work "
        "best for me. Thank you, G. Evans, 7 Weir Cottages",
        date="Fri, 20 Nov 2026 at 10:15"))

NEWSLETTER = (
    "NORTHBRIDGE CHAMBER OF COMMERCE - NOVEMBER BULLETIN\n\n"
    "1. The council's Local Plan 2020-2035 review: have your say by 12 December. Large print and audio "
    "versions are available from the council.\n2. Small business Saturday is on 5 December.\n"
    "3. Members' networking breakfast, the Corn Exchange, 8am.\n\n"
    "You are receiving this because you are a member. Unsubscribe: https://northbridgechamber.example/u")

LIST_DIGEST = (
    "Northbridge Disability Forum digest, Vol 12 Issue 47\n\nToday's topics:\n"
    "  1. Blue badge renewals (Sue P)\n  2. Re: Blue badge renewals (Ahmed)\n\n"
    "Message 1\nFrom: Sue P\nHas anyone had the new blue badge guide in large print? I asked the council "
    "and got it in a day.\n\nMessage 2\nFrom: Ahmed\nYes you just email them and ask for big print or audio.\n\n"
    "To unsubscribe send a message to disability-forum-request@lists.example.org")

# (slug, subject, body, kind, documents, formats, decision)
# kind: plain | html | thread-<dementia|allocations|da> | thread-html-allocations | bounce
CASES = [
    ("lower-case-no-punct", "", "hi can i have the flood strategy in large print thanks", "plain",
     "flood", "large-print", "send"),
    ("twenty-four-point-words", "Blue badge",
     "Could you send me the Blue Badge guide in twenty four point please, my eyes arent what they were. "
     "Thanks, Bill", "plain", "blue-badge", "large-print", "send"),
    ("really-big-writing", "bins",
     "my dad needs the bin guide in really big writing he cant read the little leaflet that came through the "
     "door", "plain", "bins", "large-print", "send"),
    ("for-mum-partially-sighted-no-format", "Charging policy",
     "Hello, I'm writing for my mum who is partially sighted. She has had a letter about the adult social care "
     "charging policy and she would like to read it herself rather than me reading it to her. Could you send "
     "it in a format she can manage?\n\nThank you,\nKaren", "plain", "care-charging", "", "ask"),
    ("can-you-read-it-out", "housing",
     "can you read it out to me the housing allocations scheme, i struggle with reading", "plain",
     "allocations", "audio", "send"),
    ("learning-disability-version", "School transport policy",
     "Hello, I am a support worker at Oakfield Supported Living. One of the ladies I support has had a letter "
     "about the Home to School Transport Policy for her son. Is there a version for someone with a learning "
     "disability? It would really help her understand it.\n\nMany thanks\nDee Robinson\nSupport Worker",
     "plain", "school-transport", "easy-read", "send"),
    ("is-there-a-cd", "Local Plan",
     "Is there a CD of the Local Plan? My husband is registered blind and we don't have a computer, but he "
     "has a CD player.", "plain", "local-plan", "cd", "handover"),
    ("withdrawn-council-tax-support", "",
     "Please could I have the council tax support scheme in easy read", "plain", "ctax", "easy-read",
     "not-available"),
    ("unknown-taxi-licensing", "Taxi policy",
     "Do you have the taxi and private hire licensing policy in large print? I'm a driver with low vision "
     "in one eye.", "plain", "", "large-print", "not-available"),
    ("sign-language-video", "BSL",
     "Deaf resident here. Please can I get a sign language video of the dementia strategy, BSL is my first "
     "language and English is my second.", "plain", "dementia", "bsl", "handover"),
    ("automatic-reply-annual-leave", "Automatic reply: " + OUR_SUBJECT,
     "Thank you for your email. I am on annual leave until Monday 7 December and will respond on my return. "
     "If your enquiry is urgent please contact the Adult Social Care front door on 01632 960000.",
     "thread-dementia", "", "", "ignore"),
    ("away-from-desk", "Away",
     "Hi, I'm away from my desk until Thursday with no access to emails. Messages will not be forwarded. Jenny",
     "plain", "", "", "ignore"),
    ("housing-association-auto-ack", "Re: " + OUR_SUBJECT,
     "This is an automated response. Your email has been received by Northbridge Homes customer services and "
     "will be answered within 10 working days. Please do not reply to this email.", "thread-allocations",
     "", "", "ignore"),
    ("delivery-failure", "Delivery Status Notification (Failure)", "", "bounce", "", "", "ignore"),
    ("chamber-newsletter", "November bulletin: Local Plan review", NEWSLETTER, "plain", "", "", "ignore"),
    ("forum-digest", "Disability Forum Digest, Vol 12, Issue 47", LIST_DIGEST, "plain", "", "", "ignore"),
    ("prize-scam", "Congratulations! You've been selected",
     "Dear Customer,\n\nCongratulations! Your email address has been selected to receive a GBP 500 Tesco gift "
     "card. To claim your reward click the link below and enter your bank details for verification within "
     "48 hours or the reward will be cancelled.\n\nhttp://tesco-rewards-claim.example.top/claim\n\n"
     "Customer Rewards Team", "plain", "", "", "staff-queue"),
    ("mailbox-phishing", "Action required: mailbox storage full",
     "Your mailbox alternative.formats@northbridge.gov.uk has exceeded its storage limit. Incoming messages "
     "are being held. Verify your account now to release your pending messages: "
     "https://owa-verify.example.xyz/login\n\nIT Service Desk", "plain", "", "", "staff-queue"),
    ("thank-you-not-in-thread", "thank you",
     "Just wanted to say thank you for the large print bin guide which came today, it is so much easier to "
     "read. Best wishes, Doreen", "plain", "bins", "", "no-action"),
    ("thread-brilliant-thanks", "Re: " + OUR_SUBJECT, "brilliant thank you x", "thread-dementia", "dementia", "",
     "no-action"),
    ("complaint-no-request", "Complaint",
     "I am writing to make a formal complaint. My father is blind and I have told the council three times, and "
     "still every letter about his care bill comes in tiny print. Nobody listens and nobody calls back. I want "
     "this logged as a formal complaint and I want a manager to ring me on 07700 900123.\n\nS. Mahmood",
     "plain", "", "", "handover"),
    ("safeguarding-not-home-address", "request",
     "Please can I have the domestic abuse strategy in large print. Please don't send it to my home address, "
     "my partner reads my post. Email only please.", "plain", "da", "large-print", "send+flag"),
    ("safeguarding-send-elsewhere", "",
     "can you send the domestic abuse strategy as audio to my friend's email sarah.k@example.net and not to "
     "this one please, he checks my phone", "plain", "da", "audio", "handover"),
    ("citizens-advice-forward-chain", "FW: housing letter", FORWARD_CHAIN, "plain", "allocations",
     "audio,easy-read", "send"),
    ("html-iphone-nan-audio", "",
     "<div dir=\"ltr\">can i get the dementia strategy as an audio file for my nan she cant see well&nbsp;"
     "</div><div><br></div><div>Sent from my iPhone</div>", "html", "dementia", "audio", "send"),
    ("thread-brother-easy-read", "Re: " + OUR_SUBJECT,
     "Thank you. Could my brother have the same in easy read? He has Down's syndrome.", "thread-dementia",
     "dementia", "easy-read", "send"),
    ("thread-paper-copy-post", "Re: " + OUR_SUBJECT,
     "i cant open attachments on my phone can you send a paper copy in the post please", "thread-allocations",
     "allocations", "post", "handover"),
    ("allotments-and-recycling", "Two leaflets",
     "Could I get the allotment rules and the recycling guide, both in large print please?", "plain",
     "allotments,bins", "large-print", "send"),
    ("local-plan-big-and-text", "",
     "local plan please in big print and also plain text for my screen reader", "plain", "local-plan",
     "large-print,plain-text", "send"),
    ("text-speak-flood", "", "hiya cn u send me da flood strat in audio ta x", "plain", "flood", "audio",
     "send"),
    ("misspelt-dementia", "Request for dementa strategy",
     "Dear Sir, I wud like a copy of the dementa frendly strategy in larg print for my wife. Yours faithfuly, "
     "Ron Pike", "plain", "dementia", "large-print", "send"),
    ("rambling-allotments-18-point", "Allotments", RAMBLE, "plain", "allotments", "large-print", "send"),
    ("withdrawn-dial-a-ride", "", "Im after the dial a ride policy in audio please", "plain", "transport",
     "audio", "not-available"),
    ("bins-in-urdu", "bin collections",
     "Can I have the bin guide in Urdu for my parents please, they don't read English", "plain", "bins",
     "translation", "handover"),
    ("braille-and-large-print", "School transport",
     "My son is blind and reads braille and I'm partially sighted myself. Could we have the school transport "
     "policy in braille for him and large print for me?", "plain", "school-transport", "braille,large-print",
     "handover+send"),
    ("easy-read-anything", "easy read", "Do you do things in easy read?", "plain", "", "easy-read", "ask"),
    ("blue-badge-no-format", "", "please send me the blue badge guide", "plain", "blue-badge", "", "ask"),
    ("page-link-audio", "",
     "Hi, this page https://www.northbridge.gov.uk/housing-allocations-scheme says I can ask for another "
     "format. Audio please.", "plain", "allocations", "audio", "send"),
    ("moon-never-learnt-braille", "Moon",
     "Do you have the dementia strategy in Moon? My aunt lost her sight late and never learnt braille.",
     "plain", "dementia", "other-format", "handover"),
    ("easy-read-paying-for-care", "",
     "Im a carer for my brother who has learning disabilities. he has had a letter saying he has to pay for "
     "his care and he is very worried. is there an easy read of the rules about paying for care", "plain",
     "care-charging", "easy-read", "send"),
    ("outlook-undeliverable", "Undeliverable: " + OUR_SUBJECT,
     "Delivery has failed to these recipients or groups:\n\nm.jones1953@example.co.uk\nThe email address you "
     "entered couldn't be found. Please check the recipient's email address and try to resend the message.\n\n"
     "Diagnostic information for administrators:\nGenerating server: mx.example.co.uk\n"
     "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", "plain", "", "", "ignore"),
    ("carers-centre-closed", "Re: " + OUR_SUBJECT,
     "Thank you for contacting Northbridge Carers Centre. We are closed for the bank holiday and will reply "
     "to your message when we reopen on Tuesday. If you need help now please call 111.", "thread-dementia",
     "", "", "ignore"),
    ("signature-offers-formats", "Flood strategy",
     "Hi, one of our members has asked for the flood strategy as plain text so she can use it with her screen "
     "reader. Would you be able to send it to me and I'll pass it on?\n\nThanks\n\n" + VOLUNTARY_SIGNATURE,
     "plain", "flood", "plain-text", "send"),
    ("local-plan-20-point-posted-mum", "Local plan for my mum",
     "Could the Local Plan be printed in 20 point and posted to my mum at 4 Mill Lane, Northbridge NB2 6QT? "
     "She is 92 and doesn't use email. A copy emailed to me as well would be good.", "plain", "local-plan",
     "large-print,post", "handover+send"),
    ("read-receipt", "Read: " + OUR_SUBJECT,
     "Your message\n\nTo: Ann Carter\nSubject: " + OUR_SUBJECT + "\nSent: 23/11/2026 09:02\n\n"
     "was read on 23/11/2026 09:41.", "thread-allocations", "", "", "ignore"),
    ("thread-html-large-as-well", "RE: " + OUR_SUBJECT,
     "<div>Could I have it in large print as well pls, the audio is good but I want to read along</div>"
     "<div><br></div><div>Sent from Outlook for Android</div>", "thread-html-allocations", "allocations",
     "large-print", "send"),
    ("neighbour-forward-flood-text", "Fwd: flood leaflet", NEIGHBOUR_FORWARD, "plain", "flood", "plain-text",
     "send"),
    ("thread-flood-same-as-before", "Re: " + OUR_SUBJECT,
     "thank you!! could i have the flood strategy as well please, same as before", "thread-dementia", "flood",
     "large-print", "send"),
]

# Rows where docs/email.md leaves the case open, and why the expectation is what it is.
NOTES = {
    "for-mum-partially-sighted-no-format": "Partially sighted people may want large print or audio; the docs say "
                                           "ask when no format is clear, and a careful officer would ask.",
    "is-there-a-cd": "A CD alone (no computer at home): an MP3 attachment helps nobody, so only the CD, to staff.",
    "unknown-taxi-licensing": "Not in the catalogue: the docs' 'unknown document' row (reply saying so, listing "
                              "what exists) is not-available; no document id to name.",
    "complaint-no-request": "The docs have no row for complaints. A kind officer acknowledges with a reference and "
                            "passes it to a person (handover); no-action would leave a complainant unanswered and "
                            "an 'ask which format' reply would be tone-deaf.",
    "safeguarding-send-elsewhere": "Replies go to the sender only, and the sender says her account is watched: "
                                   "sending the audio here could put her at risk, so a person should handle it.",
    "safeguarding-not-home-address": "Email only, as she asks: 'home address' and 'post' here are not a request "
                                     "for a posted copy.",
    "thread-flood-same-as-before": "'Same as before' is the format of our earlier reply (large print); a careful "
                                   "officer would send the flood strategy in large print rather than ask.",
    "citizens-advice-forward-chain": "The request is in the client's message, two quotes down an Outlook chain; it "
                                     "is answered to the adviser who sent it (the sender).",
    "read-receipt": "A read receipt is a report, never answered.",
    "carers-centre-closed": "An organisation's closure notice with no header and no 'automatic' or 'out of office' "
                            "wording: still automatic mail.",
}

BOUNCE = (
    "Return-Path: <>\r\nFrom: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nTo: {council}\r\n"
    "Subject: Delivery Status Notification (Failure)\r\nDate: {date}\r\nMessage-ID: {mid}\r\n"
    "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b6014\"\r\n\r\n"
    "--b6014\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\n"
    "Address not found\r\n\r\nYour message wasn't delivered to jo.bloggs1947@gmail.com because the address "
    "couldn't be found, or is unable to receive mail.\r\n\r\n"
    "--b6014\r\nContent-Type: message/delivery-status\r\n\r\n"
    "Reporting-MTA: dns; googlemail.com\r\n\r\nFinal-Recipient: rfc822; jo.bloggs1947@gmail.com\r\n"
    "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 The email account that you tried to "
    "reach does not exist.\r\n\r\n"
    "--b6014\r\nContent-Type: text/rfc822-headers\r\n\r\n"
    "From: {council}\r\nTo: jo.bloggs1947@gmail.com\r\nSubject: " + OUR_SUBJECT + "\r\n"
    "Message-ID: <af-reply-6009@northbridge.gov.uk>\r\n\r\n--b6014--\r\n")

# Senders other than an ordinary resident.
SENDERS = {
    "automatic-reply-annual-leave": "Helen Price <helen.price@northbridgecare.example>",
    "away-from-desk": "Jenny Walsh <jenny.walsh@example.org>",
    "housing-association-auto-ack": "Northbridge Homes <customerservices@northbridgehomes.example>",
    "chamber-newsletter": "Northbridge Chamber of Commerce <news@northbridgechamber.example>",
    "forum-digest": "disability-forum@lists.example.org",
    "prize-scam": "Tesco Rewards <rewards@tesco-uk-promo.example.top>",
    "mailbox-phishing": "IT Service Desk <helpdesk@northbridge-gov-mail.example.xyz>",
    "citizens-advice-forward-chain": "Priya Shah <priya.shah@canorthbridge.example>",
    "learning-disability-version": "Dee Robinson <dee.robinson@oakfieldliving.example>",
    "outlook-undeliverable": "postmaster@example.co.uk",
    "carers-centre-closed": "Northbridge Carers Centre <info@northbridgecarers.example>",
    "signature-offers-formats": "Marcia Greene <marcia@northbridgeva.example>",
    "read-receipt": "Ann Carter <ann.carter@example.net>",
}
AUTOMATIC_KIND = {"chamber-newsletter": "newsletter", "forum-digest": "list"}


def build(n: int, slug: str, subject: str, body: str, kind: str) -> bytes:
    date = START + timedelta(minutes=13 * n)
    mid = f"<heldout6-{n}.{slug}@example.org>"
    if kind == "bounce":
        return BOUNCE.format(council=COUNCIL, date=format_datetime(date), mid=mid).encode()
    msg = new_message(sender=SENDERS.get(slug, f"Resident {n} <res{n}@example.org>"), to=COUNCIL,
                      subject=subject, date=date, message_id=mid)
    if slug in AUTOMATIC_KIND:
        mark_automatic(msg, AUTOMATIC_KIND[slug])
    if kind == "html":
        set_html(msg, f"<html><body>{body}</body></html>")
    elif kind == "thread-html-allocations":
        in_thread(msg, ALLOCATIONS_REPLY, ALLOCATIONS_REPLY)
        quoted = OUR_TEXT[ALLOCATIONS_REPLY].replace("\n", "<br>")
        set_html(msg, f"<html><body>{body}<hr><div><b>From:</b> {COUNCIL}<br><b>Subject:</b> {OUR_SUBJECT}</div>"
                      f"<blockquote>{quoted}</blockquote></body></html>")
    elif kind.startswith("thread-"):
        ours = THREADS[kind.removeprefix("thread-")]
        in_thread(msg, ours, ours)
        msg.set_content(body + "\n\n" + gmail_quote(f"On Mon, 23 Nov 2026 at 08:02, <{COUNCIL}> wrote:",
                                                    OUR_TEXT[ours]))
    else:
        msg.set_content(body)
    return msg.as_bytes()


def main() -> None:
    write_numbered_set(HERE, CASES, build, 601)


if __name__ == "__main__":
    main()
