"""Understanding a resident's words: formats, documents, quoted text and the decision."""
from __future__ import annotations

from workers.mail.classify import classify
from workers.mail.decide import ASK, HANDOVER, NOT_AVAILABLE, SEND, decide
from workers.mail.find_documents import CatalogueEntry, match_documents
from workers.mail.formats_wanted import formats_in
from workers.mail.parse import parse_message

STRATEGY = CatalogueEntry("da", "Kent and Medway Domestic Abuse Strategy 2020-2023",
                          ("domestic abuse strategy",), ("domestic violence",))
HOUSING = CatalogueEntry("housing", "Housing Strategy 2022", ("housing plan",))
OLD = CatalogueEntry("old", "Community Safety Plan 2015", (), (), published=False)
CATALOGUE = [STRATEGY, HOUSING, OLD]


def _msg(body: str, subject: str = "Request", extra: str = "") -> bytes:
    return (f"From: Alex <alex@example.org>\r\nTo: formats@council.example\r\nSubject: {subject}\r\n"
            f"Message-ID: <m1@example.org>\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def _decide(raw: bytes):
    msg = parse_message(raw)
    return decide(msg, classify(msg), CATALOGUE)


def test_big_print_is_large_print():
    assert formats_in("could I have it in big print please").families == ("large-print",)


def test_a_point_size_asks_for_large_print_at_that_size():
    wanted = formats_in("I need it in 24 point")
    assert wanted.families == ("large-print",) and wanted.font_size == 24


def test_several_formats_in_one_message_keep_their_order():
    assert formats_in("an MP3 and an easy-read copy").families == ("audio", "easy-read")


def test_braille_and_post_go_to_staff():
    assert set(formats_in("a braille copy by post").staff_needs) == {"braille", "post"}


def test_typos_in_the_title_still_find_the_document():
    assert [m.entry for m in match_documents("the domestc abuse stratergy", CATALOGUE)] == [STRATEGY]


def test_two_documents_in_one_message_are_both_found():
    found = {m.entry.document_id for m in match_documents("the housing strategy and the domestic abuse strategy", CATALOGUE)}
    assert found == {"da", "housing"}


def test_a_clear_request_is_sent():
    decision = _decide(_msg("Could I have the domestic abuse strategy in big print please?"))
    assert decision.action == SEND and decision.documents == (STRATEGY,)


def test_no_document_named_asks_which_one():
    decision = _decide(_msg("Can I have it in large print please?"))
    assert decision.action == ASK and decision.missing == ("document",)


def test_no_format_named_asks_which_format():
    decision = _decide(_msg("Please send me the domestic abuse strategy."))
    assert decision.action == ASK and decision.missing == ("format",)


def test_a_withdrawn_document_is_not_available():
    assert _decide(_msg("The community safety plan in audio please")).action == NOT_AVAILABLE


def test_sign_language_only_is_handed_to_staff():
    assert _decide(_msg("Is there a BSL version of the domestic abuse strategy?")).action == HANDOVER


def test_quoted_earlier_message_does_not_add_formats():
    body = "Audio please.\r\n\r\nOn 1 May 2026, Council wrote:\r\n> We also offer large print and braille."
    decision = _decide(_msg(body + "\r\n> Domestic abuse strategy", subject="Re: domestic abuse strategy"))
    assert decision.action == SEND
    assert decision.formats.families == ("audio",) and decision.formats.staff_needs == ()


def test_html_only_message_is_understood():
    raw = ("From: Jo <jo@example.org>\r\nSubject: hello\r\nMessage-ID: <h@example.org>\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Please send the <b>domestic abuse "
           "strategy</b> in <i>easy read</i>.</p></body></html>\r\n").encode()
    decision = _decide(raw)
    assert decision.action == SEND and decision.formats.families == ("easy-read",)


def test_request_corpus_accuracy_stays_high():
    """The 64 project-written requests in tests/mail/requests (see make_requests.py)."""
    from pathlib import Path

    from workers.mail.evaluate import evaluate

    results = evaluate(Path(__file__).parent / "requests")
    assert len(results) >= 60
    decisions = sum(r.fields_ok[2] for r in results) / len(results)
    documents = sum(r.fields_ok[0] for r in results) / len(results)
    assert decisions >= 0.95 and documents >= 0.95, [r for r in results if not all(r.fields_ok)]


def test_bsl_as_a_first_language_is_a_sign_language_request_not_a_translation():
    wanted = formats_in("BSL is my first language, so a signed version of the housing plan would help")
    assert wanted.staff_needs == ("bsl",)
    assert formats_in("English is not my first language, I need my own language").staff_needs == ("translation",)


def test_a_format_named_only_to_turn_it_down_is_not_asked_for():
    assert formats_in("I would like audio instead of large print").families == ("audio",)
    wanted = formats_in("He reads Moon rather than braille, could it be done in Moon?")
    assert wanted.staff_needs == ("other-format",) and wanted.families == ()
    assert formats_in("why is it not in large print?").families == ("large-print",)  # a bare "not" still asks


def test_moon_and_daisy_are_formats_we_do_not_make_and_go_to_staff():
    decision = _decide(_msg("Could the housing strategy be produced in Moon for my uncle?"))
    assert decision.action == HANDOVER and decision.formats.staff_needs == ("other-format",)
    assert formats_in("a DAISY talking book of the strategy").staff_needs == ("other-format",)


def test_a_partial_name_finds_the_document_when_its_words_belong_to_no_other():
    parks = CatalogueEntry("parks", "Parks and Open Spaces Improvement Programme")
    catalogue = [*CATALOGUE, parks]
    found = [m.entry.document_id for m in match_documents("the open spaces thing and the housing plan", catalogue)]
    assert sorted(found) == ["housing", "parks"]
    assert match_documents("is the programme open on Sunday?", catalogue) == []  # one word, not side by side


def test_out_of_office_wording_without_headers_covers_other_kinds_of_leave():
    for body in ("Hello, I'm currently on paternity leave and will be back in May.",
                 "Thanks for your message. I am off sick this week.",
                 "Please note I am no longer monitoring this mailbox; write to housing@council.example.",
                 "This is an acknowledgement of your email. It has been passed to the right team."):
        msg = parse_message(_msg(body, subject="Re: Your request for a document in another format"))
        assert classify(msg).kind == "auto-reply", body


def test_advance_fee_fraud_goes_to_the_staff_queue_unanswered():
    body = ("Good day. I am the lawyer of a late client who left an inheritance of 7.5 million dollars. "
            "Please provide your bank details so the funds can be released.")
    assert _decide(_msg(body, subject="Confidential business proposal")).action == "staff-queue"
    assert _decide(_msg("My bank details changed, can I have the housing strategy in large print?")).action == SEND


# Issue 7, second audit: the misses of heldout4 and heldout5, each as a general rule (see docs/email.md).

def _in_our_thread(body: str):
    """A message answering our earlier reply about the housing strategy, with our words quoted below."""
    raw = _msg(body + "\r\n\r\nOn Tue, 3 Nov 2026, Formats <formats@council.example> wrote:\r\n"
               "> We have attached the Housing Strategy 2022 in large print.",
               subject="Re: Your request for a document in another format",
               extra="In-Reply-To: <our-reply@council.example>\r\nReferences: <our-reply@council.example>\r\n")
    msg = parse_message(raw)
    return decide(msg, classify(msg), CATALOGUE, (HOUSING,), in_our_thread=True)


def test_a_message_that_asks_for_nothing_gets_no_reply_but_one_that_asks_again_does():
    from workers.mail.decide import NO_ACTION

    for body in ("Many thanks for sending the housing strategy, it is just what I needed.",
                 "Received it today, all working fine on my tablet. Much appreciated",
                 "Yes, that's the one. Thank you!"):
        decision = _in_our_thread(body)
        assert decision.action == NO_ACTION and not decision.replies, body
    not_in_thread = _decide(_msg("Just a note to say thank you for the big print housing strategy you sent."))
    assert not_in_thread.action == NO_ACTION
    assert _in_our_thread("Thanks. Could I have the audio version too?").action == SEND
    assert _in_our_thread("thanks, plain text").action == SEND  # naming a format answers our question
    assert _in_our_thread("Thanks, but it will not open on my computer?").action == ASK


def test_could_it_be_posted_asks_for_a_posted_copy():
    for text in ("Could it be posted?", "can you post it to me", "I'd like to have one posted out to my mum"):
        assert formats_in(text).staff_needs == ("post",), text
    assert formats_in("I saw it had been posted on your website").staff_needs == ()
    decision = _decide(_msg("Housing strategy in large print please. Could it be posted? I am not online much."))
    assert decision.action == SEND and decision.formats.staff_needs == ("post",)


def test_a_sales_email_selling_search_rankings_or_contact_lists_goes_to_staff_unanswered():
    seo = ("Hello, I run an SEO agency. Your council site could rank higher on Google with our link building "
           "packages. Shall I send a free audit?")
    contacts = "We sell a verified email list of 20,000 care home decision makers. Special offer this week."
    for body in (seo, contacts):
        assert _decide(_msg(body, subject="Your website")).action == "staff-queue", body
    assert _decide(_msg("Is there a free audio version of the housing strategy?")).action == SEND


def test_one_uncommon_word_of_a_title_finds_the_one_document_that_uses_it_but_a_common_word_does_not():
    drainage = CatalogueEntry("drainage", "Surface Water Drainage Strategy 2024")
    library = CatalogueEntry("library", "Library Service Plan")
    catalogue = [*CATALOGUE, drainage, library]
    assert [m.entry.document_id for m in match_documents("the drainage thing please", catalogue)] == ["drainage"]
    assert match_documents("is the library open on Saturdays?", catalogue) == []  # "library" is common English
    assert match_documents("your strategy in large print", catalogue) == []  # generic and shared


def test_asking_what_we_have_in_a_format_we_arrange_gets_the_list_of_documents():
    decision = _decide(_msg("Which of your documents can I get in braille?"))
    assert decision.action == ASK and decision.missing == ("document",)
    assert decision.formats.staff_needs == ("braille",)
    assert _decide(_msg("Is the housing strategy available in braille?")).action == HANDOVER  # one named: to staff


def test_an_automatic_acknowledgement_in_another_language_is_never_answered(corpus):
    czech = parse_message((corpus / "emails/odd_encoding/alaveteli_utf-7-subject.eml").read_bytes())
    assert classify(czech).kind == "auto-reply"
    for subject, body in (("Respuesta automática", "Gracias por su mensaje. Le responderemos lo antes posible."),
                          ("Conferma di ricezione", "Il suo messaggio è stato ricevuto e protocollato con il "
                                                    "numero 4471. Questa è una risposta generata dal sistema.")):
        assert classify(parse_message(_msg(body, subject=subject))).kind == "auto-reply", subject


def test_a_person_writing_mostly_in_another_language_is_handed_to_staff_not_asked_in_english():
    from workers.mail.decide import OTHER_LANGUAGE

    body = "Laba diena, norėčiau gauti būsto strategiją dideliu šriftu. Ačiū labai, Rasa"  # Lithuanian
    decision = _decide(_msg(body, subject="Prašymas"))
    assert decision.action == HANDOVER and decision.reason == OTHER_LANGUAGE
    assert "translation" in decision.formats.staff_needs
    typos = _decide(_msg("cud i hav the housin stratgy in big print plz"))  # poor spelling is still English
    assert typos.action == SEND


# Issue 7, third audit: heldout6's misses, each as a general rule (see docs/email.md). Wording here is new, not
# heldout6's.

def test_a_posted_copy_turned_down_or_warned_against_is_never_a_posting_request():
    for text in ("Large print please, but not by post.", "please do not post it to me",
                 "Could you not send anything to my house address", "my dad opens all my letters so email is best",
                 "Never by post please, large print by email"):
        assert "post" not in formats_in(text).staff_needs, text
    for text in ("can you post it to me", "a paper copy by post please", "could you put one through my letterbox"):
        assert "post" in formats_in(text).staff_needs, text


def test_how_a_leaflet_once_arrived_is_not_a_request_for_a_posted_copy():
    assert "post" not in formats_in("the leaflet that was pushed through the door is too small to read").staff_needs
    assert "post" in formats_in("please pop a copy through the door").staff_needs


def test_a_font_size_written_in_words_asks_for_large_print_at_that_size():
    for text, size in (("eighteen point please", 18), ("in twenty-two pt", 22), ("sixteen point font", 16)):
        wanted = formats_in(text)
        assert wanted.families == ("large-print",) and wanted.font_size == size, text


def test_a_format_mentioned_in_passing_is_not_asked_for():
    assert "audio" not in formats_in("The audio version was great, could I have the housing plan in easy read?").families
    assert "large-print" not in formats_in("your large print you sent is fine; braille for my son please").families
    assert "audio" not in formats_in("My husband listens to the radio all day. Easy read for him please").families
    assert "audio" in formats_in("Plain text for me, and could my dad listen to it too?").families
    assert "large-print" in formats_in("large print is fine thanks").families  # an answer to "which format?"


def test_a_format_they_cannot_use_is_not_asked_for():
    assert formats_in("She does not read braille; Moon type please").staff_needs == ("other-format",)
    assert "braille" not in formats_in("he never learned braille, large print please").staff_needs


def test_a_cd_for_someone_with_no_computer_at_home_sends_no_mp3_but_one_for_a_relative_does():
    assert formats_in("A CD please, I haven't got a computer").families == ()
    assert formats_in("Could my grandad have it on CD? He has no computer.").families == ("audio",)


def test_automated_responses_closure_notices_and_read_receipts_are_never_answered():
    from workers.mail.classify import AUTO_REPLY

    for subject, body in (
            ("Re: Your request", "This is an automated message from the Housing Trust. Your enquiry has been logged "
                                 "and will be dealt with shortly."),
            ("Re: Your request", "Thank you for contacting the Advice Centre. The centre is closed until the new year "
                                 "and we will respond to you when the centre reopens."),
            ("Read: Your request for a document", "Your message was read on Monday 30 November 2026 10:12.")):
        msg = parse_message(_msg(body, subject=subject))
        assert classify(msg).kind == AUTO_REPLY, body
    person = parse_message(_msg("The library was closed when I went, so could I have the housing plan in large print?"))
    assert classify(person).answer


def test_prize_and_phishing_mail_goes_to_the_staff_queue_unanswered():
    from workers.mail.classify import SPAM, looks_like_government

    prize = _msg("Congratulations, you have won! Claim your prize now: click this link and verify your account.",
                 subject="You are a winner")
    phishing = _msg("Your inbox storage is almost full and some messages are being held. Log in at "
                    "https://secure-login.example.icu to keep your mailbox.", subject="Mailbox notice")
    for raw in (prize, phishing):
        msg = parse_message(raw)
        assert classify(msg).kind == SPAM and _decide(raw).action == "staff-queue"
    assert looks_like_government("anytown-gov-support.example.top") and looks_like_government("govuk-refunds.example")
    assert not looks_like_government("anytown.gov.uk") and not looks_like_government("governors-trust.org.uk")


def test_a_document_we_do_not_have_is_said_to_be_unavailable_but_a_vague_one_is_asked_about():
    assert _decide(_msg("Do you have the street trading licensing policy in audio?")).action == NOT_AVAILABLE
    assert _decide(_msg("Could I have the leaflet in audio?")).action == ASK
    assert _decide(_msg("Can I have the latest guide in large print?")).action == ASK


def test_a_complaint_that_asks_for_nothing_we_make_goes_to_a_person_with_a_reference():
    from workers.mail.decide import COMPLAINT

    decision = _decide(_msg("I wish to complain. Letters to my mother keep arriving in small type after I asked "
                            "twice. Please can a manager call me."))
    assert decision.action == HANDOVER and decision.reason == COMPLAINT and decision.replies
    assert _decide(_msg("I complained before. Please send the housing plan in large print.")).action == SEND


def test_same_as_before_in_our_thread_uses_the_formats_of_our_earlier_reply():
    msg = parse_message(_msg("Could I have the domestic abuse strategy too, in the same format please?",
                             subject="Re: Your request for a document in another format",
                             extra="In-Reply-To: <our@council.example>\r\n"))
    assert decide(msg, classify(msg), CATALOGUE, (HOUSING,), True, ("audio",)).formats.families == ("audio",)
    # with no record of our reply, the quoted reply says what it attached
    assert _in_our_thread("The domestic abuse strategy as well please, same as before").formats.families == \
        ("large-print",)
    assert _in_our_thread("The domestic abuse strategy as well please").action == ASK  # no "same": we ask


def test_someone_reading_their_post_flags_the_request_for_staff_and_nothing_is_posted():
    decision = _decide(_msg("Housing plan in large print please, and a paper copy in the post. Please be discreet."))
    assert decision.action == SEND and decision.care.safeguarding and decision.needs_staff
    assert "post" not in decision.formats.staff_needs and decision.reason.startswith("safeguarding:")
    decision = _decide(_msg("Could I get the housing plan as audio? My ex still opens my letters."))
    assert decision.action == SEND and decision.care.safeguarding and not decision.discreet


def test_a_watched_account_or_another_address_goes_to_a_person_and_the_reply_names_nothing():
    watched = _decide(_msg("The domestic abuse strategy in audio please. My husband goes through my emails."))
    assert watched.action == HANDOVER and watched.discreet and watched.care.safeguarding
    assert watched.formats.families == ("audio",) and watched.documents == (STRATEGY,)  # for staff, not the reply
    elsewhere = _decide(_msg("Please email the housing plan in large print to my sister at jo.b@example.net"))
    assert elsewhere.action == HANDOVER and elsewhere.discreet and not elsewhere.care.safeguarding
    assert _decide(_msg("Housing plan in large print please, my address is alex@example.org")).action == SEND


def test_everyday_words_about_sight_or_quoted_headers_are_not_signs_of_danger():
    from workers.mail.safeguarding import signs_of_danger

    for text in ("Audio for my nan please, she can't see well", "he cannot see the small print any more",
                 "Sent by: Bob Smith <bob@example.net>\nPlease respond to\nBob Smith <bob@example.net>",
                 "Email: jo.bloggs@example.net", "The play area is not safe for children, can I have the plan?"):
        assert signs_of_danger(text, "alex@example.org") is None, text


# Issue 7, heldout7 audit: machine-written mail with no telling headers, phishing and sales (docs/email.md).

def _kind(body: str, subject: str = "Request", sender: str = "alex@example.org", extra: str = "") -> str:
    raw = _msg(body, subject=subject, extra=extra).replace(b"alex@example.org", sender.encode(), 1)
    return classify(parse_message(raw)).kind


def test_a_failure_notice_written_as_plain_text_from_any_address_is_a_bounce():
    from workers.mail.classify import BOUNCE

    body = ("This is the mail server at relay.tinyhost.example.\n\nSorry, we were unable to pass your message on: "
            "it was not delivered to the recipient address below.\n\n   sam@tinyhost.example\n\n"
            "Reason: user unknown")
    assert _kind(body, subject="Problem with your email", sender="systems@tinyhost.example") == BOUNCE
    assert _kind("My letter from you was not delivered to my flat, could I have the housing plan in large print?",
                 subject="large print") == "request"


def test_a_calendar_invitation_is_never_answered():
    from workers.mail.classify import AUTO_REPLY

    raw = ("From: Jo <jo@example.org>\r\nTo: formats@council.example\r\nSubject: Planning meeting\r\n"
           "Message-ID: <cal1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=B\r\n\r\n"
           "--B\r\nContent-Type: text/plain\r\n\r\nPlease come to our meeting about easy read leaflets.\r\n"
           "--B\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n"
           "END:VCALENDAR\r\n--B--\r\n").encode()
    msg = parse_message(raw)
    assert classify(msg).kind == AUTO_REPLY and not decide(msg, classify(msg), CATALOGUE).replies


def test_read_and_delivery_receipts_in_german_and_italian_are_never_answered():
    from workers.mail.classify import AUTO_REPLY

    assert _kind("Ihre Nachricht wurde am 2. Dezember 2026 gelesen.", subject="Gelesen: Ihre Anfrage") == AUTO_REPLY
    assert _kind("Il suo messaggio è stato letto.", subject="Letto: Your request") == AUTO_REPLY


def test_a_helpdesk_acknowledgement_with_a_ticket_number_is_never_answered_even_in_our_thread():
    from workers.mail.classify import AUTO_REPLY

    body = ("Hello,\n\nThank you for contacting Riverside Housing. Ticket #558120 has been created for you and an "
            "officer will be in touch within 3 working days.\n\nRiverside Housing Service Desk")
    assert _kind(body, subject="Re: Your request for a document in another format [Ticket #558120]",
                 sender="servicedesk@riverside.example") == AUTO_REPLY
    assert _kind("My council tax reference is 40112233. Could I have the housing plan in large print please?",
                 subject="large print") == "request"


def test_a_digest_or_a_newsletter_without_list_headers_is_bulk_mail():
    from workers.mail.classify import LIST

    digest = ("Send Sightline mailing list submissions to\n\tsightline@lists.example\n\nToday's Topics:\n"
              "  1. Large print bills (Pat)\n\nMessage: 1\nFrom: Pat\nCould the council send me large print?")
    assert _kind(digest, subject="Sightline Digest, Vol 3, Issue 12", sender="sightline@lists.example") == LIST
    news = ("Trouble reading this? View this email in your browser.\nWinter update from the Carers Hub.\n"
            "Easy read guides are available from the council.\nClick to unsubscribe or update your preferences.")
    assert _kind(news, subject="Winter update", sender="news@carershub.example") == LIST


def test_a_closure_notice_that_deals_with_mail_on_reopening_is_never_answered():
    from workers.mail.classify import AUTO_REPLY

    body = ("Thanks for your message. The surgery reception is closed over the bank holiday and we will deal with "
            "your email when we reopen on Tuesday.")
    assert _kind(body, subject="Re: Your request") == AUTO_REPLY


def test_a_document_signing_lure_and_an_accessibility_widget_sale_go_to_staff_unanswered():
    from workers.mail.classify import SPAM

    lure = ("Procurement sent you a document to review and sign.\n\nREVIEW DOCUMENT\n"
            "https://esign-secure.example.click/d?id=1\n\nSign today to avoid suspension of your account.")
    sale = ("Hi, our scan found 87 accessibility errors on your site, a risk of legal action. Our plug-in makes it "
            "instantly compliant with one line of code. Want the report for free?\n\nSam, Sales Manager")
    assert _kind(lure, subject="Please sign: supplier contract") == SPAM
    assert _kind(sale, subject="Your website") == SPAM
    assert _kind("Is the housing plan free? Could I have it in large print?", subject="question") == "request"


def test_asked_not_to_be_emailed_again_at_this_address_gets_no_reply_and_a_safeguarding_staff_item():
    from workers.mail.decide import STAFF_QUEUE

    decision = _in_our_thread("Thanks. Could you stop emailing me on this account please, I will ring when I can.")
    assert decision.action == STAFF_QUEUE and not decision.replies and decision.needs_staff
    assert decision.care is not None and decision.care.safeguarding
    assert _in_our_thread("Thanks, no need to email me again, it all arrived.").care is None


def test_new_words_for_post_that_is_not_safe_flag_a_send_and_evaluate_shows_the_flag():
    from workers.mail.evaluate import decision_label

    for body in ("My boyfriend opens the post before I see it. Could I have the housing plan in large print by email?",
                 "I need to be careful what arrives at the house. Please email me the housing plan in large print.",
                 "We are staying in a women's refuge for now. Could you email me the housing plan in large print?"):
        decision = _decide(_msg(body))
        assert decision.action == SEND and decision.care is not None and decision.care.safeguarding, body
        assert decision_label(decision) == "send+flag" and "post" not in decision.formats.staff_needs
    plain = _decide(_msg("Could I have the housing plan in large print by email? I am careful with paper."))
    assert plain.care is None and decision_label(plain) == "send"


def test_mail_from_a_list_address_is_never_answered_so_nothing_is_sent_to_a_list():
    from workers.mail.classify import LIST

    body = "Could I have the housing plan in large print please?"
    for sender in ("sightloss@lists.example.org", "carers-l@uni.example.ac.uk", "localaccess@googlegroups.com"):
        assert _kind(body, sender=sender) == LIST, sender
    assert _kind(body, sender="alistair@example.org") == "request"


def test_a_withdrawn_document_is_never_among_the_documents_sent_even_beside_a_current_one():
    # Last year's scheme was withdrawn; this year's has the same title but the year.
    old = CatalogueEntry("cts-old", "Council Tax Support Scheme 2024-25", (), (), published=False)
    new = CatalogueEntry("cts-new", "Council Tax Support Scheme 2025-26")
    msg = parse_message(_msg("Could I have the council tax support scheme in large print please?"))
    decision = decide(msg, classify(msg), [old, new])
    assert decision.action == SEND
    assert [d.document_id for d in decision.documents] == ["cts-new"]
    assert all(d.published for d in decision.documents)


def test_a_place_or_person_named_with_a_capital_never_names_a_document_by_itself():
    plan = CatalogueEntry("plan", "Ashcombe Local Plan 2030")
    heat = CatalogueEntry("heat", "Heatwave Response Plan")
    catalogue = [*CATALOGUE, plan, heat]
    assert match_documents("I live at 4 Ashcombe Road. Can I have it in large print?", catalogue) == []
    assert match_documents("Regards, Sam from Ashcombe Carers", catalogue) == []
    assert [m.entry.document_id for m in match_documents("the heatwave thing in audio please", catalogue)] == ["heat"]
    assert [m.entry.document_id for m in match_documents("the ashcombe local plan please", catalogue)] == ["plan"]


def test_the_year_named_picks_the_edition_and_a_withdrawn_edition_is_never_sent_in_its_place():
    current = CatalogueEntry("rent", "Tenant Rent Guide 2027-28", ("rent guide",))
    old = CatalogueEntry("rent-old", "Tenant Rent Guide 2025-26", (), (), published=False)
    catalogue = [current, old, HOUSING]

    def decide_with(body: str):
        msg = parse_message(_msg(body))
        return decide(msg, classify(msg), catalogue)

    no_year = decide_with("Please may I have the tenant rent guide in audio")
    assert no_year.action == SEND and no_year.documents == (current,) and not no_year.withdrawn
    old_year = decide_with("I'm after the tenant rent guide 2025/26 as an audio file, for a dispute")
    assert old_year.action == NOT_AVAILABLE and old_year.withdrawn == (old,) and not old_year.documents
    this_year = decide_with("Tenant rent guide 2027 in audio please")
    assert this_year.action == SEND and this_year.documents == (current,)


def test_a_named_document_we_do_not_have_wins_over_one_loose_word_of_another_title():
    flood = CatalogueEntry("flood", "Surface Water Flood Risk Plan", ("flood risk plan",))
    body = "Can I get the cemetery fees policy in large print? The flood last winter ruined my copy."
    assert [m.entry for m in match_documents(body, [flood, HOUSING])] == [flood]  # one loose word alone
    msg = parse_message(_msg(body))
    decision = decide(msg, classify(msg), [flood, HOUSING])
    assert decision.action == NOT_AVAILABLE and not decision.documents
    msg = parse_message(_msg("The flood one in large print please"))
    assert decide(msg, classify(msg), [flood, HOUSING]).documents == (flood,)


def test_words_after_a_sign_off_are_a_signature_and_name_no_document_or_format():
    body = ("Hello, please could you send the housing plan as an audio file for a client.\n\nBest wishes,\n"
            "Sam Patel\nDomestic Abuse Strategy Lead, Eastside Advice\n"
            "Our leaflets can be provided in braille and large print on request.")
    decision = _decide(_msg(body))
    assert decision.documents == (HOUSING,) and decision.formats.families == ("audio",)
    assert not decision.formats.staff_needs and decision.action == SEND
    # a postscript after the sign-off is still read; a message that is only thanks still asks for nothing
    ps = _decide(_msg("Housing plan please.\n\nRegards,\nSam\n\nP.S. in large print"))
    assert ps.action == SEND and ps.formats.families == ("large-print",)
    assert parse_message(_msg("Thanks\nSam")).new_text.startswith("Thanks")


def test_post_the_document_to_me_asks_for_a_posted_copy_and_the_formats_we_make():
    wanted = formats_in("Would you post the housing plan to my mum in big print? She has no internet.")
    assert wanted.families == ("large-print",) and wanted.staff_needs == ("post",)
    assert formats_in("I saw the post about the housing plan to me it looks good").staff_needs == ()


def test_a_talking_book_is_audio_but_a_daisy_talking_book_is_a_format_we_do_not_make():
    assert formats_in("Is the housing plan available as a talking-book?").families == ("audio",)
    daisy = formats_in("Is there a DAISY talking book of the housing plan?")
    assert daisy.families == () and daisy.staff_needs == ("other-format",)


def test_a_complaint_reaches_a_person_and_a_clear_request_in_it_is_still_answered():
    from workers.mail.decide import COMPLAINT
    from workers.mail.evaluate import decision_label

    both = _decide(_msg("Second time of asking now. Send me the housing plan in large print. Shocking service."))
    assert both.action == SEND and both.documents == (HOUSING,) and both.complaint and both.needs_staff
    assert decision_label(both) == "handover+send"
    only = _decide(_msg("I wish to complain: your receptionist refused my request for audio letters and was rude."))
    assert only.action == HANDOVER and only.reason == COMPLAINT and only.formats.empty and only.needs_staff
    plain = _decide(_msg("Send me the housing plan in large print please."))
    assert plain.action == SEND and not plain.complaint and not plain.needs_staff


def test_the_same_please_in_our_thread_reuses_the_format_we_sent():
    msg = parse_message(_msg("Lovely. Can I get the domestic abuse strategy the same, please",
                             subject="Re: Your request for a document in another format",
                             extra="In-Reply-To: <our@council.example>\r\n"))
    decision = decide(msg, classify(msg), CATALOGUE, (HOUSING,), True, ("easy-read",))
    assert decision.action == SEND and decision.formats.families == ("easy-read",)
    msg = parse_message(_msg("Can I get the domestic abuse strategy the same, please"))
    assert decide(msg, classify(msg), CATALOGUE).action == ASK  # not in our thread: nothing to be the same as


def test_a_web_form_relayed_by_a_no_reply_address_goes_to_staff_and_is_never_answered():
    from workers.mail.classify import BOUNCE, RELAYED_FORM

    form = ("From: Council website <do-not-reply@council.example>\r\nTo: formats@council.example\r\n"
            "Subject: New submission - accessible formats form\r\nMessage-ID: <f1@council.example>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Your name: Peter Ames\r\nEmail address: p.ames@example.net\r\n"
            "Which document: Housing Strategy 2022\r\nFormat: audio\r\n"
            "Comments: I would prefer a copy posted to me\r\n").encode()
    msg = parse_message(form)
    assert classify(msg).kind == RELAYED_FORM
    decision = decide(msg, classify(msg), CATALOGUE)
    assert decision.action == HANDOVER and decision.needs_staff and not decision.replies
    assert decision.documents == (HOUSING,) and set(decision.formats.staff_needs) == {"post"}
    bounce = parse_message(form.replace(b"Your name: Peter Ames\r\n", b""))  # no Name: field: not a form
    assert classify(bounce).kind == BOUNCE


def test_a_working_pattern_notice_and_a_message_recall_are_automatic_mail():
    from workers.mail.classify import AUTO_REPLY

    notice = parse_message(_msg("Thank you for your email. My hours are Tuesday and Thursday only, so I will "
                                "reply to you on my next working day.", subject="RE: housing strategy"))
    recall = parse_message(_msg("Jo Bloggs would like to recall the message, \"audio copy please\".",
                                subject="Recall: audio copy please"))
    assert classify(notice).kind == AUTO_REPLY
    assert classify(recall).kind == AUTO_REPLY


def test_asking_us_to_stop_sending_to_this_account_or_saying_he_will_see_it_means_no_more_email():
    from workers.mail.safeguarding import signs_of_danger

    stop = signs_of_danger("Can you stop sending stuff to this address please, my ex will see it.")
    assert stop is not None and stop.no_email and stop.safeguarding and stop.discreet_reply
    seen = signs_of_danger("Large print please. He might read it if you email again.")
    assert seen is not None and seen.discreet_reply and not seen.no_email
    assert signs_of_danger("Audio please, my daughter will read it to me later.") is None
    assert signs_of_danger("Large print please, she can see it better that way.") is None
    assert signs_of_danger("Could you do audio? She could read it if it was bigger, but not like this.") is None


def test_a_format_named_then_another_turned_down_with_not_keeps_only_the_first():
    wanted = formats_in("My dad reads Moon, not braille, so Moon if you can.")
    assert wanted.staff_needs == ("other-format",) and "braille" not in wanted.families + wanted.staff_needs
    assert set(formats_in("Easy read and large print, not audio.").families) == {"large-print", "easy-read"}
    assert formats_in("why is it not in large print?").families == ("large-print",)


def test_makaton_is_a_format_a_person_makes():
    assert formats_in("Is there a version with Makaton signs and symbols for our group?").staff_needs == ("other-format",)


def test_do_not_post_to_her_old_address_is_a_safeguarding_sign():
    from workers.mail.safeguarding import signs_of_danger

    care = signs_of_danger("I support a client who has moved. Please don't send anything to her previous address.")
    assert care is not None and care.safeguarding
    assert signs_of_danger("Please post it to my new address, 4 High Street.") is None
