"""Ambassador facts: whose envoy, posted where, named how, and whether the tenure is dated.

The sides come from the envoy's own title, never from the event around it: "Iran
summoned the Dutch ambassador" is the Netherlands' ambassador in Iran (the
adjective sends; "to X", "in X" or the state that dealt with the envoy hosts).
The person is the name the title is attached to ("Taro Yamada, the Japanese
ambassador", "the ambassador to Kenya, Taro Yamada,", "Ambassador Taro Yamada",
"… is Taro Yamada"), or nobody: a president who merely meets the envoy is not
one. The person's country is the sending state's, never the posting's.

A date is the tenure's only when a tenure verb governs it: "appointed",
"nominated" (planned), "presented credentials", "since …" start it; "recalled",
"expelled", "declared persona non grata" end it (an expelled envoy must leave,
so the posting ends then). "Summoned", "met", "protested to" only involve an
envoy already in post: the fact stands, undated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from dyad.annotate.people import role_only
from dyad.annotate.pipeline import AnnotatedSentence, DocumentContext, Mention
from dyad.annotate.time import TimeMention
from dyad.extract.found import FoundFact, nearest_time, unknown
from dyad.model import Entity, When

# the words that may continue a title before its states: "ambassador extraordinary and
# plenipotentiary of X to Y", "ambassador-designate to Y", "ambassador in Nairobi"
_TITLE_WORD = re.compile(r"[\s-]+(extraordinary|plenipotentiary|and|designate|to|of|in|at|the)\b",
                         re.I)
# a role mention that names its state ("the Dutch ambassador", "Kenya's ambassador",
# "its ambassador"), unlike a bare "the ambassador" the annotator gave the pair's side
_BARE_ROLE = re.compile(r"^(?:(?:the|a|an|new|former|current|then|first|next|last)\s+)*"
                        r"(?:ambassadors?|high commissioner|envoy)$", re.I)
# the gap between a name and the title it holds, the name first
_NAME_THEN_TITLE = re.compile(
    r"^(?:\s*(?:\([^)]*\)\s*)?,\s*(?:(?:then|later|now|formerly)\s+|who\s+(?:is|was|had been|"
    r"has been|became)\s+)?|\s+(?:(?:is|was|has been|had been|became|served as|serves as|"
    r"remains|remained)|(?:(?:was|had been|has been|is|were)\s+)?(?:appointed|named|nominated|"
    r"designated|made|sworn in)(?:\s+as)?)\s+)(?:(?:the|an?|new|first|former|current|next|"
    r"last|then|[A-Z][\w'’-]*)\s+){0,4}$")
# the gap between a title and the name that holds it, the title first
_TITLE_THEN_NAME = re.compile(r"^(?:\s*[,:]\s*|\s+(?:is|was|has been|had been|became|remains)"
                              r"\s+(?:now\s+)?|\s+)$")
# a name the tagger missed, after the title: ", Taro Yamada," or "is Taro Yamada"
_UNTAGGED = re.compile(r"(?:\s*,\s*|\s+(?:is|was|has been|became)\s+)"
                       r"((?!The\b)[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})(?=\s*[,.;(]|\s*$| who)")
# the same, before the title: "Taro Yamada was appointed ambassador" (a capitalised run
# that opens no sentence and no clause: "In", "After" are not names)
_UNTAGGED_BEFORE = re.compile(r"\b(?!(?:The|In|On|At|After|Before|During|When|While|Since|"
                              r"Later|Then|However|Also)\b)([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)"
                              r"{1,3})")
# verbs by which a state sends or withdraws its own envoy: "Russia appointed X as ambassador"
_SENDS = re.compile(r"\b(?:sen[dt]s?|sending|appoint\w*|nam(?:ed|es)|nominat\w*|designat\w*|"
                    r"accredit\w*|dispatch\w*|recall\w*|withdr[ae]w\w*)\b", re.I)
_RECALL_FROM = re.compile(r"\b(?:recall\w*|withdr[ae]w\w*)\b[^.;]*?\bfrom\s+(?:the\s+)?$", re.I)
_NOMINATED = re.compile(r"\b(nominated|proposed|designated)\b", re.I)
_TENURE_START = re.compile(
    r"\b(?:appoint(?:ed|s|ment)|named|nominat(?:ed|ion)|designated|accredited|credentials|"
    r"letters? of credence|took (?:up )?(?:office|(?:his|her|the) post)|assumed (?:office|"
    r"(?:his|her|the) post)|sworn in|became)\b", re.I)
_TENURE_END = re.compile(
    r"\b(?:recall(?:ed|s)?|withdr[ae]wn?|withdraws|expell?(?:ed|s)?|expulsion|persona non grata|"
    r"left (?:his|her|the) post|end(?:ed|s)? (?:his|her|the) (?:term|tenure|mission)|resigned|"
    r"dismissed)\b", re.I)
_SPAN_START = re.compile(r"\b(?:from|served|between)\s*$", re.I)


def ambassador_facts(s: AnnotatedSentence, ctx: DocumentContext, lo: int, hi: int,
                     cue: re.Match[str], states: list[Mention], times: list[TimeMention],
                     status: str) -> Iterator[FoundFact]:
    """The ambassador fact of the clause ``[lo, hi)`` around the title word ``cue``."""
    text = s.sentence.text
    mentions = [m for m in s.actors if lo <= m.start and m.end <= hi]
    at, after = lo + cue.start(), lo + cue.end()
    role = next((m for m in mentions if m.start <= at < m.end and m.entity.kind == "person"),
                None)
    head = role.start if role else at
    tail, hosts, senders, seats = _title(text, max(after, role.end if role else after), states)
    person = _holder(text, role, head, tail, mentions)

    sender: Entity | None = None
    explicit = True
    if role is not None and role.entity.country and not _BARE_ROLE.match(
            text[role.start:role.end]) and (role_only(role.entity) or person is None):
        sender = ctx.state(role.entity.country)  # "the Dutch ambassador", "Kenya's ambassador"
    if sender is None and senders:
        sender = senders[0].entity  # "the ambassador of Denmark"
    before = [m for m in states if m.end <= head]
    if sender is None and before and _SENDS.search(text[before[-1].end:head]):
        sender = before[-1].entity  # "Russia appointed Igor Gromyko as ambassador"
    if sender is None and hosts:
        sender = ctx.other_side(hosts[0].entity)  # "the ambassador to Mali" on a Mali page
        explicit = False
    if sender is None and person is not None and person.country:
        sender = ctx.state(person.country)
        explicit = False
    if sender is None:
        return
    host = next((m.entity for m in hosts + seats if m.entity.country != sender.country), None)
    if host is None:  # "recalled its ambassador from Kenya"
        host = next((m.entity for m in states if m.start >= tail and _RECALL_FROM.search(
            text[lo:m.start])), None)
    if host is None:  # the state that summoned, expelled or received the envoy
        host = next((m.entity for m in reversed(before) if m.entity.country != sender.country),
                    None)
    if host is None:
        host = ctx.other_side(sender)
        explicit = False
    if host is None or host.country == sender.country:
        return
    if person is not None:
        person = Entity(person.name, person.text, "person", sender.country, "GOV", "ambassador")
    valid, planned = _tenure(text, lo, hi, times)
    if planned and status == "asserted":
        status = "planned"
    sender_state = Entity(sender.name, sender.text, "state", sender.country)
    yield FoundFact("ambassador", sender_state, host, valid, status, person=person,
                    confidence=(0.85 if person is not None else 0.75) if explicit else 0.6)


def _title(text: str, pos: int, states: list[Mention]
           ) -> tuple[int, list[Mention], list[Mention], list[Mention]]:
    """Where the title ends, and the states it names after "to", "of" and "in"/"at"."""
    by_start = {m.start: m for m in states}
    hosts: list[Mention] = []
    senders: list[Mention] = []
    seats: list[Mention] = []
    prep = None
    while True:
        gap = len(text[pos:]) - len(text[pos:].lstrip())
        m = by_start.get(pos + gap)
        if m is not None and prep is not None and 0 < gap <= 2:  # "to the United Kingdom"
            {"to": hosts, "of": senders}.get(prep, seats).append(m)
            pos = m.end
            continue
        word = _TITLE_WORD.match(text, pos)
        if word is not None:
            w = word.group(1).lower()
            if w in ("to", "of", "in", "at"):
                prep = w
            pos = word.end()
            continue
        break
    return pos, hosts, senders, seats


def _holder(text: str, role: Mention | None, head: int, tail: int,
            mentions: list[Mention]) -> Entity | None:
    """The named person who holds the title, or None when the sentence names nobody."""
    if role is not None and not role_only(role.entity) and role.entity.name.strip():
        return role.entity  # "Ambassador Bréhima Coulibaly"
    people = [m for m in mentions if m.entity.kind == "person" and m is not role
              and not role_only(m.entity)]
    for m in people:
        if m.end <= head and _NAME_THEN_TITLE.match(text[m.end:head]):
            return m.entity
        if m.start >= tail and _TITLE_THEN_NAME.match(text[tail:m.start]):
            return m.entity
    named = _UNTAGGED.match(text, tail)
    if named is None or _tagged(named, mentions):
        named = next((n for n in _UNTAGGED_BEFORE.finditer(text, 0, head)
                      if _NAME_THEN_TITLE.match(text[n.end():head])), None)
    if named is None or _tagged(named, mentions):
        return None
    name = named.group(1)
    return Entity(name, name, "person", None, "GOV", "ambassador")


def _tagged(named: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether a capitalised run overlaps a resolved mention (a state, a known person)."""
    return any(m.start < named.end(1) and named.start(1) < m.end for m in mentions)


def _tenure(text: str, lo: int, hi: int, times: list[TimeMention]) -> tuple[When, bool]:
    """The tenure the clause dates, and whether it is only planned ("nominated")."""
    clause = text[lo:hi]
    planned = bool(_NOMINATED.search(clause))
    if not times:
        return unknown(), planned
    since = [t for t in times if t.when.modifier == "since"]
    # "served from 1990 to 1994", "ambassador between 2001 and 2005": the whole tenure
    spans = [t for t in times if t.when.start and t.when.end and (
        _SPAN_START.search(text[max(lo, t.start - 12):t.start])
        or re.match(r"(?:from|between)\b", t.when.text or "", re.I))]
    if spans:
        w = spans[0].when
        return When(w.start, w.end, w.precision, w.modifier, w.text), planned
    begun = _TENURE_START.search(clause)
    ended = _TENURE_END.search(clause)
    start = since[0] if since else (nearest_time(times, lo + begun.start()) if begun else None)
    end = nearest_time(times, lo + ended.start()) if ended else None
    if start is not None and end is start:  # one date, two verbs: the nearer one's
        if begun is None or abs(start.start - lo - begun.start()) < abs(
                end.start - lo - ended.start()):
            end = None
        else:
            start = None
    if start is None and end is None:
        return unknown(), planned
    if start is not None and end is not None:
        return When(start.when.start, end.when.start, start.when.precision, None,
                    f"{start.when.text} … {end.when.text}"), planned
    if start is not None:
        w = start.when
        return When(w.start, None, w.precision, "nominated" if planned else (
            w.modifier or "since"), w.text), planned
    assert end is not None
    w = end.when
    return When(None, w.start, w.precision, "ended", w.text), planned


ENVOY_ROLES = frozenset({"ambassador", "envoy", "high commissioner", "chargé d'affaires"})


class Envoys:
    """The named envoys of a document, and its ambassador facts that name no one, which
    wait for them: "Saudi Arabia expelled the Canadian ambassador … The kingdom gave the
    envoy Dennis Horak 24 hours to leave" is one ambassador, Dennis Horak."""

    def __init__(self) -> None:
        self._people: list[Entity] = []
        # the states named beside each envoy named with no state: "The kingdom gave the
        # envoy Dennis Horak 24 hours to leave" is no envoy of the kingdom's
        self._beside: dict[Entity, set[str]] = {}
        self._waiting: list[tuple[AnnotatedSentence, FoundFact]] = []

    def saw(self, sentence: AnnotatedSentence) -> None:
        for m in sentence.actors:
            e = m.entity
            if e.kind == "person" and (e.role or "").lower() in ENVOY_ROLES and \
                    not role_only(e) and len(e.name.split()) >= 2 and e not in self._people:
                self._people.append(e)
                self._beside[e] = {s.entity.country for s in sentence.actors
                                   if s.entity.kind == "state" and s.entity.country}

    def held(self, sentence: AnnotatedSentence, fact: FoundFact) -> bool:
        """Keeps ``fact`` for later when it is an ambassador with no person."""
        if fact.kind != "ambassador" or fact.person is not None:
            return False
        self._waiting.append((sentence, fact))
        return True

    def named(self) -> Iterator[tuple[AnnotatedSentence, FoundFact]]:
        """The waiting facts with their person: the one envoy of the sending state the
        document names (or the one it names with no state, when it can be the envoy of
        only one of the states waiting); with none or several, the fact as it was if it
        says when, else nothing."""
        senders = {fact.subject.country for _, fact in self._waiting}
        whose = {p: senders - self._beside[p] for p in self._people if p.country is None}
        for sentence, fact in self._waiting:
            own = [p for p in self._people if p.country == fact.subject.country]
            stateless = [p for p, states in whose.items() if states == {fact.subject.country}]
            person = own[0] if len(own) == 1 else (
                stateless[0] if not own and len(stateless) == 1 else None)
            if person is not None:
                person = replace(person, country=fact.subject.country, role="ambassador")
                yield sentence, replace(fact, person=person)
            elif fact.valid.start or fact.valid.end:
                yield sentence, fact
