"""IncomingMessage -> Verdict: may we answer it, and if not, why (RFC 3834 and real-world signs)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .automatic import machine_written
from .language import mostly_not_english
from .parse import IncomingMessage

REQUEST = "request"  # a person wrote to us: understand and answer
AUTO_REPLY = "auto-reply"  # out-of-office and other automatic answers: never answer
BOUNCE = "bounce"  # delivery reports and failure notices: never answer
LIST = "list"  # mailing lists and bulk mail: never answer
OURS = "ours"  # our own replies coming back: never answer
SPAM = "spam"  # looks like spam: to the staff queue, unanswered
NO_SENDER = "no-sender"  # nobody to answer
RELAYED_FORM = "relayed-form"  # our website's form passed on by a no-reply address: a person answers the resident

NEVER_ANSWER = {AUTO_REPLY, BOUNCE, LIST, OURS, SPAM, NO_SENDER}

_SYSTEM_SENDER = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|listserv|majordomo)\b|(-request|-bounces?)@|^owner-",
    re.I,
)
# A mailing list's own address: "x@lists.example", "x-l@", "x@googlegroups.com", "listserv@", "x-digest@"
_LIST_ADDRESS = re.compile(r"@(lists?|listserv|mailman|groups)\.|@googlegroups\.com$|@groups\.io$|"
                           r"(-l|-list|-digest|-announce)@|^(listserv|majordomo|mailman|sympa)@", re.I)
_OOO_SUBJECT = re.compile(
    r"\b(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response|respons)|autoreply|"
    r"away from (the )?office|on (annual )?leave|on holiday|vacation reply|abwesenheit|absence|"
    r"is out of the office|ooo)\b|^auto:|^away\b",
    re.I,
)
_OOO_BODY = re.compile(
    r"\b(I am|I'm|I will be|I'll be|I am currently|I'm currently)\s+(now\s+)?(currently\s+)?(out of (the )?office|away|"
    r"on (annual |maternity |paternity |parental |adoption |sick |study |long[- ]term )?leave|off sick|"
    r"on holiday|out of the country|not in the office|working remotely with limited)|"
    r"\b(not|no longer) (checking|monitoring|reading) (this|my) (inbox|mailbox|e-?mail|e-?mail account)\b|"
    r"\b(this|your) (e-?mail|message) (has been|was) (received|logged|registered) and (will|has been)\b|"
    r"\bthis is an (automatic |automated )?acknowledge?ment of your (e-?mail|message)\b|"
    r"\b(limited|no) access to (my )?e-?mail\b|"
    # part-time and working-pattern notices: "I work Monday to Wednesday and will respond on my next working day"
    r"\b(will|shall) (respond|reply|get back to you|answer)[^.]{0,40}\b(on )?my next working day\b|\bwill (respond|reply|get back to you) (to your (e-?mail|message) )?(up)?on my return\b|"
    r"\bthis is an (automatic(ally generated)?|automated|auto-?generated) (reply|response|message|e-?mail|acknowledge?ment)\b|"
    r"\bauto-?generated (reply|message)\b|"
    r"\b(this|your) (e-?mail|message|enquiry) (has been|was) (received|logged|registered)\b[^.]{0,80}\b(will|shall) be "
    r"(answered|dealt with|responded to|looked at|replied to)\b|"
    # an organisation's closure notice: "we are closed ... will reply to your message when we reopen"
    r"\b(will|shall) (reply|respond|answer|get back to you|be in touch|deal with (your|the) (message|e-?mail|enquiry)|"
    r"look at (your|the) (message|e-?mail|enquiry))\b[^.]{0,60}\bwhen (we|the office|our office|"
    r"the (centre|center|team|service)) (re-?opens?|returns?|(is|are) (back|open))\b|"
    r"\bthank you for your (e-?mail|message)[^.]{0,80}\b(will|shall) (be )?(respond|reply|deal|answer)",
    re.I,
)
# Read receipts (Outlook and others send them as plain messages, often with no report part).
_READ_RECEIPT_SUBJECT = re.compile(r"^\s*(read|not read|gelesen|nicht gelesen|lu|non lu|leído|letto|gelezen|"
                                   r"przeczytano|odczytano|läst)\s*:", re.I)
_READ_RECEIPT_BODY = re.compile(r"\b(was|has been) (read|opened|deleted without being read) on\b|"
                                r"\bread receipt\b|\breturn receipt\b", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"\b(undeliverable|undelivered mail|delivery (status notification|failure|failed|has failed|notification)|"
    r"mail delivery (failed|subsystem)|returned mail|failure notice|returning message to sender|"
    r"could not be delivered|message not delivered|delivery report|non-?delivery|postmaster notify)\b",
    re.I,
)
_SPAM_SIGNS = re.compile(
    r"(\*{3,}\s*SPAM|\bADV:|\bfor free!|\bviagra\b|\bcasino\b|\bwinning\b|\bclick here\b|\bunsubscribe\b|"
    r"\b100% (free|guaranteed)\b|\bmake money\b|\bwire transfer\b|\bbitcoin\b|\blottery\b|\$\$\$|\bact now\b|"
    # advance-fee fraud: a windfall, a fee to release it, bank details
    r"\bdear beneficiary\b|\binheritance\b|\bnext of kin\b|\bprocessing fee\b|\brelease (of )?(the |your )?funds\b|"
    r"\bclaim your (funds|prize|reward|winnings)\b|\b(send|provide|confirm) (us )?your bank details\b|"
    r"[$£€]\s?\d{1,3}(,\d{3}){2,}|\b\d+(\.\d+)? million (us )?(dollars|usd|pounds|euros)\b|"
    # selling to the council: search rankings, marketing, contact lists
    r"\bseo\b|\bsearch engine (optimi[sz]ation|rankings?)\b|\b(rank|ranking|rankings) (you )?(on|in|higher)\b|"
    r"\bpage (1|one) of google\b|\b(digital|online|email) marketing\b|\bmarketing agency\b|\blink[- ]?building\b|"
    r"\bback-?links\b|\borganic traffic\b|\bboost (your )?(traffic|sales|visibility|rankings?)\b|\bguest posts?\b|"
    r"\blead generation\b|\b(verified|targeted|opt-?in) (business )?(e-?mail|contacts?|leads?|data)\b|"
    r"\b(e-?mail|mailing|contact) (list|database) of\b|\bdecision[- ]makers\b|\b(special|exclusive) (offer|discount)\b|"
    r"\bfree (audit|quote|sample|trial|consultation|proposal)\b|\breply (yes|now)\b|\b(proposal|quote) with pricing\b|"
    r"\bweb(site)? (design|development) (services|agency|company)\b|"
    r"\bfor free\b|\b\d+ accessibility (errors|issues|failures)\b|\brisk of legal action\b|\binstantly compliant\b|"
    r"\bone line of code\b|\b(growth|sales|account|business development) (manager|executive|director)\b|"
    # document-signing lures: "sent you a document to review and sign", a deadline, a link
    r"\breview and sign\b|\breview document\b|\bsent you a document\b|\bshared a (document|file) with you\b|"
    r"\bto avoid (the )?(suspension|deactivation|closure|cancellation)\b|"
    # prize and phishing mail: a windfall or a threat, a deadline, a link to "verify" or "claim"
    r"\bcongratulations\b[^.]{0,80}\b(selected|chosen|won|winner)\b|\bgift ?card\b|"
    r"\b(enter|verify|update|confirm) your (bank|card|account|payment|login|billing) (details|information|info)\b|"
    r"\bwithin \d+ hours\b[^.]{0,60}\b(cancell?ed|suspended|closed|deleted|deactivated|lost|expire)|"
    r"\bclick (on )?(the|this) link( below)?\b|\bverify your (account|mailbox|e-?mail|identity|password)\b|"
    r"\b(mailbox|inbox|e-?mail|account) (storage|quota)\b|\bstorage (limit|quota|full)\b|"
    r"\b(pending|held|blocked|suspended) (incoming )?(messages|e-?mails)\b|\bmessages are being held\b|"
    r"https?://[^\s/]*(verify|login|logon|secure|account|claim|reward|prize)[^\s/]*\.(top|xyz|click|icu|buzz|live|"
    r"online|site|info|cc|tk|ml|ga|cf|gq)\b)",
    re.I,
)
# Automatic acknowledgements and absence notices in other languages (read only when the message is
# mostly not English): "automatic" in most European languages, "do not reply", "out of the office".
_FOREIGN_AUTOMATIC = re.compile(
    r"\bautomat(isch|ique|ic[oa]|yczn|ick|ický|ická|ické|iskt?|aattinen|ikus)\w*|\bautomáti\w*|\bautomātisk\w*|"
    r"\beingangsbestätigung|\babwesenheit|\bnicht (im büro|darauf antworten|antworten)|\baccusé de réception|"
    r"\bne pas (y )?répondre|\babsente? du bureau|\bacuse de recibo|\bno (responda|conteste)|\bfuera de la oficina|"
    r"\bnon rispondere|\bfuori (ufficio|sede)|\bnie odpowiadaj|\bpoza biurem|\bneodpovídejte|\bmimo (kancelář|kancelá)|"
    r"\bniet (beantwoorden|op kantoor)|\bafwezig|\bsvara inte|\bfrånvaro|\b(be)?svar ikke|\bymateb awtomatig|"
    r"\bавтоматич\w*|\bавтоматическ\w*",
    re.I,
)
# "Your message was received" in other languages: a message word near a received word, and no question.
_FOREIGN_MESSAGE = re.compile(r"\b(nachricht|e-?mail\w*|mail|message|mensaje|mensagem|messaggio|wiadomo\w+|"
                              r"zpráv\w*|správ\w*|bericht|meddelande|besked|viesti|mesaj\w*|neges|сообщение|"
                              r"повідомлення)\b", re.I)
_FOREIGN_RECEIVED = re.compile(r"\b(převzat\w*|přijat\w*|doručen\w*|prijat\w*|eingegangen|erhalten|bien reçu|reçu|"
                               r"recibid\w*|recebid\w*|ricevut\w*|otrzyma\w*|ontvangen|mottagi\w*|modtaget|mottatt|"
                               r"vastaanote\w*|beérkez\w*|primit\w*|alındı|получен\w*|отриман\w*|wedi derbyn)\b", re.I)


@dataclass(frozen=True)
class Verdict:
    kind: str
    reason: str

    @property
    def answer(self) -> bool:
        return self.kind not in NEVER_ANSWER


def _header_verdict(msg: IncomingMessage, our_addresses: set[str], our_marker: str) -> Verdict | None:
    h = msg.headers
    auto = h.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return Verdict(AUTO_REPLY, f"Auto-Submitted: {auto}")
    if our_marker.lower() in msg.header_names:
        return Verdict(OURS, f"carries our own {our_marker} header")
    if msg.from_addr and msg.from_addr in our_addresses:
        return Verdict(OURS, "sent from our own address")
    precedence = h.get("precedence", "").strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return Verdict(LIST, f"Precedence: {precedence}")
    if any(name.startswith("list-") for name in msg.header_names):
        return Verdict(LIST, "mailing-list headers (List-*)")
    for name in ("x-auto-response-suppress", "x-autoreply", "x-autorespond", "x-autoresponder"):
        if name in msg.header_names:
            return Verdict(AUTO_REPLY, f"{name} header")
    if "x-ms-exchange-generated-message-source" in msg.header_names:
        return Verdict(AUTO_REPLY, "generated by an Exchange rule")
    return None


def classify(msg: IncomingMessage, our_addresses: set[str] | None = None,
             our_marker: str = "X-Altformats-Reply") -> Verdict:
    """Decide whether a message is a person's request we may answer."""
    our_addresses = {a.lower() for a in (our_addresses or set())}
    verdict = _header_verdict(msg, our_addresses, our_marker)
    if verdict:
        return verdict
    if msg.has_delivery_report or msg.content_type == "multipart/report":
        return Verdict(BOUNCE, "delivery or feedback report")
    return_path = (msg.return_path or "").strip()
    if return_path in ("<>", ""):
        if return_path == "<>":
            return Verdict(BOUNCE, "empty return path")
    if not msg.from_addr or "@" not in msg.from_addr:
        return Verdict(NO_SENDER, "no usable sender address")
    if _LIST_ADDRESS.search(msg.from_addr):  # our reply goes only to the sender: never to a list
        return Verdict(LIST, "sent from a mailing-list address")
    if _SYSTEM_SENDER.search(msg.from_addr) and is_relayed_form(msg):
        return Verdict(RELAYED_FORM, "a web form passed on by a no-reply address, with the resident's own address")
    if _SYSTEM_SENDER.search(msg.from_addr) or _SYSTEM_SENDER.search(return_path.strip("<>")):
        return Verdict(BOUNCE, "sent by a mail system, not a person")
    if _BOUNCE_SUBJECT.search(msg.subject):
        return Verdict(BOUNCE, "subject of a delivery failure notice")
    if _is_read_receipt(msg):
        return Verdict(AUTO_REPLY, "a read receipt")
    kind, reason = machine_written(msg)
    if kind:
        return Verdict({"bounce": BOUNCE, "list": LIST}.get(kind, AUTO_REPLY), reason)
    if _OOO_SUBJECT.search(msg.subject):
        return Verdict(AUTO_REPLY, "out-of-office subject")
    if _OOO_BODY.search(msg.new_text[:2000] or msg.text[:2000]):
        return Verdict(AUTO_REPLY, "out-of-office wording in the body")
    if _foreign_automatic(msg):
        return Verdict(AUTO_REPLY, "an automatic acknowledgement in another language")
    if _looks_like_spam(msg):
        return Verdict(SPAM, "looks like spam")
    return Verdict(REQUEST, "a person's message")


_FORM_WORDS = re.compile(r"\b(form|submission|submitted)\b", re.I)
_FORM_EMAIL_FIELD = re.compile(r"^\s*(your )?e-?mail( address)?\s*:\s*\S+@\S+\.\S+", re.I | re.M)
_FORM_NAME_FIELD = re.compile(r"^\s*((full|your) )?name\s*:\s*\S", re.I | re.M)


def is_relayed_form(msg: IncomingMessage) -> bool:
    """A website form sent on by a system address: it says it is a form and has Name: and Email: fields."""
    body = msg.new_text or msg.text
    return bool(_FORM_WORDS.search(f"{msg.subject}\n{body[:300]}") and _FORM_EMAIL_FIELD.search(body)
                and _FORM_NAME_FIELD.search(body))


def _foreign_automatic(msg: IncomingMessage) -> bool:
    """Mostly not English, and worded as an automatic message or a "your message was received" notice."""
    text = f"{msg.subject}\n{msg.new_text[:2000] or msg.text[:2000]}"
    if not mostly_not_english(text):
        return False
    if _FOREIGN_AUTOMATIC.search(text):
        return True
    if "?" in text:
        return False
    messages = [m.start() for m in _FOREIGN_MESSAGE.finditer(text)]
    return any(abs(r.start() - m) <= 40 for r in _FOREIGN_RECEIVED.finditer(text) for m in messages)


def _is_read_receipt(msg: IncomingMessage) -> bool:
    """A "Read:" subject with "was read on" wording (disposition-notification parts are reports already)."""
    body = msg.new_text[:1000] or msg.text[:1000]
    return bool(_READ_RECEIPT_SUBJECT.search(msg.subject or "") and _READ_RECEIPT_BODY.search(body))


def looks_like_government(domain: str) -> bool:
    """A sender's domain dressed up as a public body's ("northbridge-gov-mail.example.xyz") that is not one."""
    domain = domain.lower().rstrip(".")
    if domain.endswith((".gov.uk", ".gov", ".gov.wales", ".gov.scot")) or domain in ("gov.uk", "gov"):
        return False
    return bool(re.search(r"(^|[.-])(gov|govuk|gouv|govt)([.-]|$)", domain))


def _looks_like_spam(msg: IncomingMessage) -> bool:
    signs = len(_SPAM_SIGNS.findall(msg.subject)) * 2 + len(_SPAM_SIGNS.findall(msg.text[:5000]))
    signs += looks_like_government(msg.from_addr.rpartition("@")[2])
    shouting = sum(1 for c in msg.subject if c.isupper()) > 0.6 * max(1, sum(c.isalpha() for c in msg.subject)) > 10
    return signs >= 2 or (shouting and signs >= 1) or "x-spam-flag" in msg.header_names and \
        msg.headers.get("x-spam-flag", "").upper().startswith("YES")
