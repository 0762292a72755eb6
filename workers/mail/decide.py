"""A parsed message and the catalogue -> what to do: send, ask, hand to staff, or stay silent."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .classify import RELAYED_FORM, SPAM, Verdict
from .find_documents import CatalogueEntry, match_documents
from .formats_wanted import AUTOMATIC, FormatRequest, formats_in
from .language import mostly_not_english
from .parse import IncomingMessage
from .safeguarding import Care, signs_of_danger

SEND = "send"  # clear request: send the formats (and hand any extra needs to staff)
ASK = "ask"  # unclear: ask kindly which document or format, listing what we have
HANDOVER = "handover"  # only things a person must do: acknowledge with a reference, queue for staff
NOT_AVAILABLE = "not-available"  # the document is unknown or withdrawn: say so, offer what exists
STAFF_QUEUE = "staff-queue"  # spam-looking: queue for staff, no reply
IGNORE = "ignore"  # auto-replies, bounces, lists, our own mail: no reply, recorded as handled
NO_ACTION = "no-action"  # a person who asks for nothing (thanks, "got it", a confirmation): recorded, no reply
OTHER_LANGUAGE = "written mostly in another language"  # the reason of that hand-over (the reply says so)
COMPLAINT = "a complaint, or asks a person to contact them"  # the reason of that hand-over
RELAYED = "a web form passed on by a no-reply address: a person answers the resident"  # that hand-over's reason
UNKNOWN_DOCUMENT = "names a document that is not in our list"  # the reason of that not-available reply


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str
    documents: tuple[CatalogueEntry, ...] = ()
    formats: FormatRequest = field(default_factory=lambda: FormatRequest((), ()))
    withdrawn: tuple[CatalogueEntry, ...] = ()
    missing: tuple[str, ...] = ()  # for ASK: "document", "format"
    care: Care | None = None  # signs of danger or control, or a request to send elsewhere: a person follows up
    no_reply_address: bool = False  # the sender cannot be answered (a form relayed by a no-reply address)
    complaint: bool = False  # a complaint (or "a manager to ring me"): a person reads it, even when we also send

    @property
    def needs_staff(self) -> bool:
        return (self.action in (HANDOVER, STAFF_QUEUE) or bool(self.formats.staff_needs) or self.care is not None
                or self.complaint)

    @property
    def discreet(self) -> bool:
        """The reply must name nothing and carry nothing (the account we answer may be watched)."""
        return self.care is not None and self.care.discreet_reply

    @property
    def replies(self) -> bool:
        return self.action not in (STAFF_QUEUE, IGNORE, NO_ACTION) and not self.no_reply_address


_FORWARD = re.compile(r"^\s*(fwd?|fw)\s*:|^\s*-{2,}\s*forwarded message|^\s*begin forwarded message:", re.I | re.M)


_THANKS_WORDS = frozenset(
    "thank thanks you so much very many that's thats is was perfect great brilliant lovely cheers ta received "
    "got it ok okay fine all good wonderful excellent kind regards best wishes again for your help".split())


def is_only_thanks(text: str) -> bool:
    """True when the words (a signature-like name on its own line aside) only thank us."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1 and len(lines[-1].split()) <= 2:
        lines = lines[:-1]  # a name signing off
    words = re.findall(r"[a-z']+", " ".join(lines).lower())
    thanked = any(w.startswith("thank") or w in ("ta", "cheers") for w in words)
    return thanked and all(w in _THANKS_WORDS for w in words)


# Words that thank us or confirm that what we sent arrived or was right.
_ACKNOWLEDGES = re.compile(
    r"\b(thank|thanks|thx|ta|cheers|appreciated?|grateful|got it|received|arrived|came through|"
    r"(that'?s|that is|it'?s|it is|this is|all|everything'?s|everything is|looks) (great|perfect|brilliant|lovely|fine|"
    r"wonderful|excellent|helpful|ideal|spot on|just right|the right one|right|sorted|good|ok|okay|working)|"
    r"sorted now|all sorted|works (fine|well|perfectly|great)|opens (fine|ok|okay|well)|no (problem|worries)|"
    r"(yes|yep|yeah),? (that'?s|that is) (it|right|the one|the right one)|confirmed?)\b", re.I)
# Words that ask for something: a question, a request, a need.
_ASKS = re.compile(
    r"\?|\b(please|pls|plz|could|would|can(?!'t|not)|may i|might i|will you|i need|we need|he needs|she needs|"
    r"i'?d like|i would like|we'?d like|i want|we want|send me|send us|is there|are there|do you (have|do)|"
    r"have you got|wondering|looking for|also|instead|another)\b", re.I)
_NOT_ASKING = re.compile(r"\b(i'?d|i would|we'?d|we would) like to (say|thank|let you know)\b|\bno need\b.*$", re.I)
# In a sentence, what follows these is about what we already sent ("thanks for the large print copy").
_ABOUT_WHAT_WE_SENT = re.compile(
    r"\b(thanks?|thank you)( (so|very) much)? for\b|\b(you )?sent\b|\bsending\b|\breceived\b|\bgot\b|"
    r"\barrived\b|\bcame\b", re.I)


def asks_for_nothing(text: str, catalogue: list[CatalogueEntry]) -> bool:
    """True when a person's words only thank us or confirm (so two polite parties never loop).

    It must thank or confirm, ask nothing (no question, no "please", "could", "I need" ...), and name no
    format or document except as what we already sent: "Thanks for the large print copy" asks for nothing,
    "Thanks, large print" asks for large print.
    """
    text = text.strip()
    if not text:
        return False
    if is_only_thanks(text):
        return True
    if not _ACKNOWLEDGES.search(text):
        return False
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        sentence = _NOT_ASKING.sub(" ", sentence)
        if _ASKS.search(sentence):
            return False
        past = _ABOUT_WHAT_WE_SENT.search(sentence)
        named_part = sentence[:past.start()] if past else sentence
        if not formats_in(named_part).empty or match_documents(named_part, catalogue):
            return False
    return True


def _own_words(msg: IncomingMessage) -> str:
    """The new text, with the subject when the sender wrote it (not "Re:" to ours)."""
    subject = re.sub(r"^\s*((re|fwd?|fw|aw|sv)\s*:\s*)+", "", msg.subject or "", flags=re.I)
    if not subject or msg.subject != subject or subject.lower().startswith("your request for a document"):
        return msg.new_text
    return f"{subject}\n{msg.new_text}"


def is_forward(msg: IncomingMessage) -> bool:
    return bool(_FORWARD.search(msg.subject or "") or _FORWARD.search(msg.text or ""))


# "I want this logged as a formal complaint", "I want a manager to ring me"
_COMPLAINT = re.compile(
    r"\b(formal complaint|make a complaint|making a complaint|log(ged)? (this|it) as a complaint|this is a complaint|"
    r"(i|we) (want|wish|would like) to complain|complain(ing)? about)\b|"
    r"\b(want|like|need|ask for) (a manager|a supervisor|someone|somebody|a person) to (ring|call|phone|contact) (me|us)\b|"
    # asked before and still nothing: "the third time of asking", "very poor service"
    r"\b(second|third|fourth|fifth) time (of asking|i'?ve asked|i have asked|i'?ve had to ask|i have had to ask)\b|"
    r"\b(very |really |extremely )?(poor|shocking|appalling|disgraceful|terrible) service\b",
    re.I)
# A document named by the kind of thing it is: "the taxi and private hire licensing policy"
_DOCUMENT_NOUNS = (r"(policy|policies|strategy|plan|guide|scheme|leaflet|booklet|report|regulations|charter|framework|"
                   r"handbook|guidance|statement|consultation|byelaws|bylaws|rules|programme|procedure|protocol|"
                   r"prospectus|brochure|code of practice)")
_NAMED_DOCUMENT = re.compile(rf"\b(the|your)\s+((?:[\w'-]+\s+){{1,6}}?){_DOCUMENT_NOUNS}\b", re.I)
_NOT_A_NAME = frozenset(
    "same whole new newest latest little small council council's councils other above attached last this that full "
    "current old printed paper large big easy read audio version copy updated draft final your our my a an of and "
    "for in on about to it its with print text plain braille".split())
# "same as before", "like last time": the formats of our earlier reply in this thread
_SAME_AGAIN = re.compile(r"\b(same (as|like) (before|last time|the last one|the other one|you sent|that one)|"
                         r"(in )?the same (format|way)|same again|like (before|last time)|as (before|last time)|"
                         # "could i have the allotment rules the same please"
                         r"the same,? (please|pls|plz|too|as well|thanks?))\b", re.I)
_WHAT_WE_SENT = re.compile(r"\b(attached|put these files with this email|get them here)\b[^\n]*(\n\s*>?\s*-[^\n]*)*",
                           re.I)


def names_a_document(text: str) -> bool:
    """Names a particular document by its kind ("the taxi licensing policy"), not "the leaflet" or "the new guide"."""
    return any(set(m.group(2).lower().split()) - _NOT_A_NAME for m in _NAMED_DOCUMENT.finditer(text))


def names_an_unknown_document(text: str, catalogue: list[CatalogueEntry]) -> bool:
    """Names a particular document by its kind ("the taxi licensing policy") whose words match none of ours."""
    return any(set(m.group(2).lower().split()) - _NOT_A_NAME and not match_documents(m.group(0), catalogue)
               for m in _NAMED_DOCUMENT.finditer(text))


def formats_we_sent(quoted_text: str) -> tuple[str, ...]:
    """The formats our quoted earlier reply says it attached or linked."""
    return tuple(f for m in _WHAT_WE_SENT.finditer(quoted_text) for f in formats_in(m.group(0)).families)


def _care(msg: IncomingMessage, asked: str) -> Care | None:
    care = signs_of_danger(asked, msg.from_addr)
    if care is None and is_forward(msg):  # a colleague passing on a resident's words: read them for danger too
        care = signs_of_danger(msg.quoted_text[:5000], addresses=False)
    return care


def decide(msg: IncomingMessage, verdict: Verdict, catalogue: list[CatalogueEntry],
           thread_documents: tuple[CatalogueEntry, ...] = (), in_our_thread: bool = False,
           thread_formats: tuple[str, ...] = (), thread_care: Care | None = None) -> Decision:
    """thread_documents: the documents of our earlier reply this message answers, if any; thread_formats: the
    formats it sent (read from our quoted words when not given); thread_care: that reply was kept discreet, so this
    one is too.

    in_our_thread: the message answers one of ours, so its quoted part is our own words (which may list
    every document we offer) and is never read for documents.
    """
    if not verdict.answer:
        action = STAFF_QUEUE if verdict.kind == SPAM else IGNORE
        return Decision(action, verdict.reason)
    asked = f"{msg.subject}\n{msg.new_text}"
    if mostly_not_english(asked):  # they may need an answer in their language: a person takes it over
        found = tuple(m.entry for m in match_documents(asked, catalogue) if m.entry.published)
        wanted = formats_in(asked)
        return Decision(HANDOVER, OTHER_LANGUAGE, found,
                        FormatRequest(wanted.families, tuple(dict.fromkeys((*wanted.staff_needs, "translation"))),
                                      wanted.font_size))
    if verdict.kind == RELAYED_FORM:  # never dropped, never answered: staff reply to the resident's own address
        understood = _understand(msg, asked, catalogue, (), False, (), None)
        return Decision(HANDOVER, RELAYED, understood.documents, understood.formats, understood.withdrawn,
                        care=_care(msg, asked), no_reply_address=True)
    care = _care(msg, asked) or thread_care
    decision = _understand(msg, asked, catalogue, thread_documents, in_our_thread, thread_formats, care)
    if care is None:
        return decision
    if care.no_email:  # "please don't email me again at this address": no reply at all, a person decides
        decision = replace(decision, action=STAFF_QUEUE, missing=(), withdrawn=())
    elif care.discreet_reply and decision.action != NO_ACTION:  # nothing sent to an account that may be watched
        decision = replace(decision, action=HANDOVER, missing=(), withdrawn=())
    reason = ("safeguarding: " if care.safeguarding else "") + care.reason
    return replace(decision, care=care, reason=f"{reason} ({decision.reason})"[:300])


def _understand(msg: IncomingMessage, asked: str, catalogue: list[CatalogueEntry],
                thread_documents: tuple[CatalogueEntry, ...], in_our_thread: bool, thread_formats: tuple[str, ...],
                care: Care | None) -> Decision:
    if not is_forward(msg) and asks_for_nothing(_own_words(msg), catalogue):
        found = tuple(m.entry for m in match_documents(asked, catalogue)) or thread_documents
        return Decision(NO_ACTION, "asks for nothing (thanks or a confirmation): no reply needed", found)
    wanted = formats_in(asked)
    if wanted.empty and is_forward(msg):  # a colleague passing on a resident's request
        wanted = formats_in(msg.quoted_text)
    in_our_thread = in_our_thread or bool(thread_documents)
    if wanted.empty and in_our_thread and _SAME_AGAIN.search(asked):
        families = tuple(f for f in thread_formats if f in AUTOMATIC) or formats_we_sent(msg.quoted_text)
        wanted = FormatRequest(tuple(dict.fromkeys(families)), ())
    if care is not None and care.safeguarding:  # nothing goes by post to a home that is not safe
        wanted = replace(wanted, staff_needs=tuple(n for n in wanted.staff_needs if n not in ("post", "cd")))
    matches = match_documents(asked, catalogue) or (
        [] if in_our_thread else match_documents(msg.quoted_text, catalogue))
    if matches and all(m.loose for m in matches) and names_an_unknown_document(asked, catalogue):
        matches = []  # "the taxi licensing policy ... I'm doing my badge": the named document wins over one loose word
    documents = tuple(m.entry for m in matches if m.entry.published)
    withdrawn = tuple(m.entry for m in matches if not m.entry.published)
    if not documents and not withdrawn and thread_documents:
        documents = tuple(d for d in thread_documents if d.published)
    if withdrawn and not documents:
        return Decision(NOT_AVAILABLE, "the document asked for is withdrawn", (), wanted, withdrawn)
    if not documents and names_a_document(msg.new_text if in_our_thread else asked):
        return Decision(NOT_AVAILABLE, UNKNOWN_DOCUMENT, (), wanted)
    missing = tuple(x for x, absent in (("document", not documents), ("format", wanted.empty)) if absent)
    complaint = bool(_COMPLAINT.search(asked))
    if missing and complaint:  # no clear request: a person answers the complaint (formats told in it go with it)
        return Decision(HANDOVER, COMPLAINT, documents, wanted if documents else FormatRequest((), ()),
                        complaint=True)
    if wanted.staff_needs and not wanted.families and not documents and "translation" not in wanted.staff_needs:
        # "what do you have in braille?": list the documents (a person makes the braille once one is chosen)
        return Decision(ASK, "a format we arrange, but no document named", (), wanted, withdrawn, ("document",))
    if wanted.staff_needs and not wanted.families:
        return Decision(HANDOVER, "asks for something a person must arrange", documents, wanted, withdrawn)
    if missing:
        return Decision(ASK, f"unclear: no {' or '.join(missing)} named", documents, wanted, withdrawn, missing)
    if complaint:  # the clear request is answered now, and a person reads the complaint
        return Decision(SEND, f"a clear request; {COMPLAINT}", documents, wanted, withdrawn, complaint=True)
    return Decision(SEND, "a clear request", documents, wanted, withdrawn)
