"""A person's own words -> signs of danger or control that need a person's care (never a posted copy).

Two kinds of sign:
- the place we would send to is not safe: someone reads their post ("my partner reads my post"), or they say
  they are not safe, scared, or ask us to be discreet. We post nothing and flag the request for staff.
- the email account we would answer is watched ("he checks my phone", "not this one") or they ask us to send
  to another address (we only ever answer the sender). Then the reply names nothing: no document, no format,
  no attachment, no support numbers; a person follows up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WHO = (r"(my |our |the )?(partner|husband|wife|boyfriend|girlfriend|ex|ex-?partner|ex-?husband|ex-?wife|fianc[eé]e?|"
        r"family|son|daughter|dad|father|mum|mother|carer|he|she|they|someone|somebody)('s)?")
_WATCHES = (r"(reads?|reading|checks?|checking|goes through|going through|go through|looks? (at|through)|monitors?|"
            r"monitoring|opens?|opening|watch(es)?|watching|tracks?|tracking|has access to|can see|sees|controls?|"
            r"controlling|takes?)")
_POST_THINGS = r"(post|letters)"
_ACCOUNT_THINGS = r"(phone|mobile|e-?mails?|mail|inbox|messages|texts|accounts?|laptop|computer|tablet|ipad|password)"
_SOMEONE_WATCHES = re.compile(
    rf"\b{_WHO}\s+(also\s+|always\s+|sometimes\s+|often\s+|still\s+|can\s+|will\s+|might\s+|would\s+)?{_WATCHES}\s+"
    rf"(all\s+)?(of\s+)?(my|our|the)\s+(?P<thing>{_POST_THINGS}|{_ACCOUNT_THINGS})\b", re.I)
_WATCHED_PASSIVE = re.compile(
    rf"\b(my|our)\s+(?P<thing>{_POST_THINGS}|{_ACCOUNT_THINGS})\s+(is|are|gets?|get|being)\s+(always\s+)?"
    r"(read|checked|opened|monitored|watched|tracked|looked at|gone through)\b|"
    r"\b(he|she|they|my partner|my husband|my wife|my ex)\s+(has|knows|have)\s+(got\s+)?(my|the)\s+"
    r"(?P<password>password|passcode|login)", re.I)
_DANGER = re.compile(
    r"\b(i'?m|i am|we'?re|we are)\s+not\s+safe\b|\b(i|we)\s+(don'?t|do not)\s+feel\s+safe\b|\b(i|we)\s+feel\s+unsafe\b|"
    r"\b(it'?s|it is|it isn'?t|it is not|isn'?t|is not|not)\s+(not\s+)?safe\s+(for me|for us|at home|to (send|post|contact))\b|"
    r"\b(i'?m|i am|we'?re|we are)\s+(in danger|scared|frightened|afraid|terrified)\b|"
    r"\b(scared|frightened|afraid|terrified) of (him|her|them|my (partner|husband|wife|ex|boyfriend|girlfriend))\b|"
    r"\b(please )?be discreet\b|\bdiscreetly\b|\bdon'?t let (him|her|them) (know|see|find)\b|"
    r"\bwithout (him|her|them) (knowing|finding out|seeing)\b|"
    r"\b(he|she|they) (mustn'?t|must not|shouldn'?t|should not) (know|see|find out)\b|"
    r"\b(he|she|they) (can'?t|cannot|won'?t|must never) (know|find out)\b|"
    r"\b(fled|fleeing|escaped|escaping) (from )?(him|her|them|my|an abusive|a violent)\b|"
    r"\b(have to|need to|must|got to) be (very )?careful (about )?(what|anything) (comes|gets sent|is sent|arrives) "
    r"(to|at) (the|my|our) (house|home|address|door)\b|"
    r"\b(i'?m|i am|we'?re|we are|living|staying|moved|been)\s+(now\s+)?(in|into|at)\s+(a|the)\s+(women'?s\s+)?refuge\b|"
    r"\b(in|at) a safe house\b|"
    # a professional writing for someone who has moved away: "do not post anything to her old address"
    r"\b(do not|don'?t|never|must not|mustn'?t|please don'?t)\s+(post|send|write)\w*\s+(anything|it|letters|them|"
    r"post|mail)?\s*(else\s+)?to\s+(her|his|their|my|our)\s+(old|previous|former)\s+(home\s+)?address\b|"
    r"\b(controlling|abusive|violent) (partner|husband|wife|boyfriend|girlfriend|ex|relationship)\b|\bcoercive\b", re.I)
# "not to this one", "not this email": the account that wrote is the wrong one to answer
_NOT_THIS_ACCOUNT = re.compile(
    r"\bnot (to |on )?(this|my) (one|e-?mail|address|account|phone)\b(?! (is|was) (fine|ok|okay|good))", re.I)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+")
# "send it to my friend's email x@y", "email it to x@y", "cc my social worker x@y", "to my daughter's address"
_SEND_VERB = re.compile(r"\b(send|e-?mail|forward|cc|copy|reply|deliver|pass)(es|s|ing)?\b(?!\s*:)", re.I)
_ELSEWHERE_WORDS = re.compile(
    r"\b(send|e-?mail|forward)\w*\b[^.?!\n]{0,40}\bto (my|her|his|their|a) (friend|sister|brother|mum|mother|dad|father|"
    r"daughter|son|neighbour|support worker|social worker|carer|work|other|different|new|personal|safe)('s)?\s+"
    r"(e-?mail|address|account|inbox)\b|"
    r"\b(send|e-?mail|forward)\w*\b[^.?!\n]{0,40}\b(to )?(a|another|a different|my other|a safe|my work|my personal) "
    r"(e-?mail )?(address|account|inbox|e-?mail)\b", re.I)


# "please can you not email me again at this address", "stop emailing me here": any reply goes against their word
_NO_MORE_EMAIL = re.compile(
    r"\b(please\s+)?(can|could|would)\s+you\s+(please\s+)?(not|stop|never)\s+(e-?mail|contact|messag|writ)\w*\s+"
    r"(me|us)\b|"
    r"\b(please\s+)?(do not|don'?t|never|stop)\s+(e-?mail|contact|messag|writ|repl)\w*\s+(to\s+)?(me|us)\s+"
    r"(again\s+)?(at|on|to)\s+(this|that|my)\s+(e-?mail\s+)?(address|account|e-?mail|inbox)\b|"
    r"\bplease\s+(do not|don'?t|never|stop)\s+(e-?mail|contact|messag|writ)\w*\s+(me|us)\s+(again|any ?more)\b|"
    # "please stop sending things to this email", "don't send anything more here"
    r"\b(do not|don'?t|never|stop)\s+(send|sending|e-?mailing)\s+((any|some)?thing?s?|stuff|it|them|e-?mails?|messages|"
    r"replies)?\s*(else\s+|more\s+|again\s+)?(to\s+(this|that|my)\s+(e-?mail\s+)?(address|account|e-?mail|inbox)|here)\b",
    re.I)
# "he will see it", "my partner might read them": whatever we send to this account may be seen
_WILL_BE_SEEN = re.compile(
    r"\b(he|she|my (partner|husband|wife|boyfriend|girlfriend|ex|ex-?partner))\s+(will|might|could|would|can|may)\s+"
    r"(see|read|find|open)\s+(it|them|this|that|these|your (e-?mails?|replies|messages)|my (e-?mails?|messages|phone|"
    r"inbox))\b(?!\s+(to|for|out|fine|well|better|clearly|easily|on|in|at|with)\b)"
    r"(?!\s+(if|when) (it|they|the|this)\b)", re.I)  # "read it to me", "see it better if it is bigger": help, not a threat


@dataclass(frozen=True)
class Care:
    """What we saw, for staff; whether it is a safeguarding sign; whether the reply must name nothing (the account
    we would answer may be watched, or they asked for another address); whether they asked us not to email
    them at all (then nothing is sent: a person decides how to reach them)."""
    reason: str
    safeguarding: bool
    discreet_reply: bool
    no_email: bool = False


def another_address(text: str, sender: str) -> bool:
    """They ask us to send to an address other than the one that wrote (an address in their words, after a verb
    of sending, or "to my friend's email")."""
    if _ELSEWHERE_WORDS.search(text):
        return True
    sender = (sender or "").lower()
    for m in _ADDRESS.finditer(text):
        if m.group(0).lower().rstrip(".") == sender:
            continue
        before = text[max(0, m.start() - 80):m.start()]
        sentence = re.split(r"[.?!]\s|\n", before)[-1]
        if _SEND_VERB.search(sentence):
            return True
    return False


def signs_of_danger(text: str, sender: str = "", addresses: bool = True) -> Care | None:
    """Signs of danger or control in a person's own words, or None. addresses=False for forwarded text, whose
    headers carry other people's addresses."""
    reasons, discreet = [], False
    watched = _SOMEONE_WATCHES.search(text) or _WATCHED_PASSIVE.search(text)
    if watched:
        channel = bool(watched.groupdict().get("password") or
                       re.fullmatch(_ACCOUNT_THINGS, watched.group("thing") or "", re.I))
        reasons.append("someone else reads their " + ("email or phone" if channel else "post"))
        discreet = discreet or channel
    seen = _WILL_BE_SEEN.search(text)
    if seen:
        reasons.append(f'says "{seen.group(0).strip()}"')
        discreet = True
    if _NOT_THIS_ACCOUNT.search(text):
        reasons.append("says not to answer this account")
        discreet = True
    danger = _DANGER.search(text)
    if danger:
        reasons.append(f'says "{danger.group(0).strip()}"')
    no_email = bool(_NO_MORE_EMAIL.search(text))
    if no_email:
        reasons.append("asks us not to email them again at this address")
        discreet = True
    safeguarding = bool(reasons)
    if addresses and another_address(text, sender):
        reasons.append("asks us to send to another address (we only answer the sender)")
        discreet = True
    if not reasons:
        return None
    return Care("; ".join(reasons), safeguarding, discreet, no_email)
