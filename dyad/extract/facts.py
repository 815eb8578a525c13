"""Facts: the standing ties between two states, from prose and infoboxes.

Each kind has a cue ("embassy", "ambassador", "diplomatic relations",
"recognised", "accredited", "member of", "treaty") and reads its sides from the
resolved actor mentions of the clause around the cue, its dates from the
clause's time mentions ("since 17 June 2019" opens a tenure, "closed in 1992"
ends an embassy). A clause is a sentence cut at ";" and ", and".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dyad.annotate.pipeline import AnnotatedSentence, DocumentContext, Mention, is_dated
from dyad.annotate.time import TimeMention
from dyad.extract.envoys import ambassador_facts
from dyad.extract.era import at_date
from dyad.extract.found import FoundFact, nearest_time, unknown
from dyad.model import Entity, When
from dyad.reference.places import city_country, sentence_places

# "…, and Ethiopia has an embassy in Moscow" starts a clause; "…, Ukraine, and Uzbekistan."
# (a name ending the sentence) ends a list
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+(?=[A-Z])"
                           r"(?![A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*\.?\s*$)|,\s+and\s+(?=the\s)")
_MISSION = re.compile(r"\b(embass(?:y|ies)|consulates?(?:[- ]general)?|high commission)\b", re.I)
_AMBASSADOR = re.compile(r"\b(ambassadors?|high commissioner|envoy)\b", re.I)
_RELATIONS = re.compile(r"\b(?:diplomatic (?:relations|ties|relationship)|relations|ties|"
                        r"diplomatic relationship)\b", re.I)
_RELATION_CHANGE = [
    ("severed", re.compile(r"\b(sever(?:ed|s|ance|ing)?|br(?:oke|eak)s? off|breaking off|"
                           r"cut(?:s|ting)?|suspen(?:d|ded|ds|ding|sion)|end(?:ed|s)?|"
                           r"rupture[ds]?)\b", re.I)),
    ("restored", re.compile(r"\b(restor(?:ed|es?|ation|ing)|resum(?:ed|es?|ption|ing)|"
                            r"re-?establish(?:ed|es|ment|ing)?|normali[sz](?:ed|es?|ation|ing)|"
                            r"renew(?:ed|s|al|ing)?|reinstat(?:ed|es?|ement|ing))\b", re.I)),
    # "the diplomatic relationship began in 1950", not "began to sour"
    ("established", re.compile(r"\b(establish(?:ed|es|ment|ing)?|open(?:ed|s|ing)?|set up|"
                               r"initiat(?:ed|es|ing|ion)|"
                               r"form(?:ed|alised|alized)?|launch(?:ed)?|"
                               r"(?:began|begun|started|commenced)(?!\s+to\b))\b", re.I)),
]
# "broke off relations with Beijing", "cut ties with Kyiv": the diplomatic tie, unsaid
# "suspended relations", "the suspension of official relations": the verb or its noun
_BROKEN = re.compile(r"\b(?:(?:br(?:oke|eak)s? off|sever(?:ed|s)?|cut(?:s)?|suspend(?:ed|s)?|"
                     r"initiat(?:ed|es)|establish(?:ed|es)|"
                     r"restor(?:ed|es?)|resum(?:ed|es?)|re-?establish(?:ed|es)?|"
                     r"normali[sz](?:ed|es?)|reinstat(?:ed|es?))\s+|"
                     r"(?:severance|suspension|rupture|breaking off|restoration|resumption|"
                     r"normali[sz]ation)\s+of\s+)(?:all\s+|its\s+|their\s+|the\s+)?"
                     r"(?:(?:diplomatic|official)\s+(?:and\s+\w+\s+)?)?(?:relations|ties)\b|"
                     # told in the passive: "Russia–Ukraine relations … were established in 1991"
                     r"\b(?:relations|ties)\b[^.;]{0,120}?\b(?:were|was|had been|have been|"
                     r"has been)\s+(?:formally\s+|officially\s+|again\s+|fully\s+)?"
                     r"(?:established|restored|re-?established|resumed|normali[sz]ed|severed|"
                     r"suspended|broken off|cut|reinstated)\b", re.I)
# relations told as standing, with no change: "have shared diplomatic relations", "are the
# diplomatic relations between"
_STANDING = re.compile(r"\b(?:ha(?:ve|s|d)\s+(?:long\s+|always\s+)?(?:shared|maintained|enjoyed|"
                       r"had)|maintain(?:s|ed)?|enjoy(?:s|ed)?|(?:are|is|refers?\s+to|were)\s+"
                       r"the)\s+(?:\w+\s+){0,2}?diplomatic\s+(?:and\s+\w+\s+)?(?:relations|ties)\b",
                       re.I)
_KIND_OF_TIES = re.compile(r"\b(?:trade|economic|military|cultural|commercial|security|"
                           r"defen[cs]e|business|academic)\s+(?:and\s+\w+\s+)?$", re.I)
# the words by which an organisation is its state's government itself, not a ministry or
# an embassy of it
_GOVERNMENT = re.compile(r"\b(?:government|regime|authorities|administration|cabinet)\b", re.I)
_RECOGNISE = re.compile(r"\brecogni[sz](?:ed|es?|ing)\b|\b(?:switch|extend|grant|accord|"
                        r"transferr?)(?:s|ed|ing)?\s+(?:its\s+|their\s+|diplomatic\s+|formal\s+)*"
                        r"recognition\b", re.I)
# "switched recognition from Taipei to Beijing": the state after "to" is the one recognised
_SWITCHED = re.compile(r"\s*(?:switch|transfer)\w*[^.;]*?\bfrom\b[^.;]*?\bto\b", re.I)
# "switched recognition to the National Transitional Council": a body that governs a state
_GOVERNING = re.compile(r"\b(?:government|council|authority|authorities|administration|"
                        r"regime|junta)\b", re.I)
_ACCREDITED = re.compile(r"\baccredited to\b", re.I)
_MEMBER = re.compile(r"\b(?:members?(?: states?)? of|belong(?:s|ed)? to)\b", re.I)
_TREATY = re.compile(r"\b((?:[A-Z][\w-]* )*(?:Treaty|Pact|Agreement|Accord|Convention)"
                     r"(?: (?:of|on|for|between) [A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*)?)\b")
# a treaty whose name says between whom: "the Treaty on Basic Relations Between Japan and …"
_TREATY_BETWEEN = re.compile(r"\b(?:Treaty|Agreement|Accord|Pact|Convention)\b(?: [A-Za-z-]+)"
                             r"{0,6}? [Bb]etween\b")
_SIGNED = re.compile(r"\b(sign(?:ed|s|ing)?|conclud(?:ed|es)|ratif(?:ied|ies))\b", re.I)
_CLOSED = re.compile(r"\b(closed|closing|closure|shut(?: down)?|withdrawn|evacuated)\b", re.I)
_OPENED = re.compile(r"\b(opened|reopened|re-opened|inaugurated|established)\b", re.I)
_KEEPS = re.compile(r"\b(?:ha[sd]|have|maintain(?:s|ed)?|run(?:s)?|operat(?:es|ed)|"
                   r"host(?:s|ed)?|open(?:s|ed)?|reopen(?:s|ed)?|clos(?:es|ed)|establish(?:es|ed))"
                   r"\b", re.I)
# words without which each cue's regex cannot match (lower case)
_CUE_WORDS = {
    "mission": ("embass", "consul", "high commission"),
    "ambassador": ("ambassador", "high commissioner", "envoy"),
    "relations": ("relations", "ties", "relationship"),
    "recognise": ("recogni",),
    "accredited": ("accredited to",),
    "member": ("member", "belong"),
    "signed": ("sign", "conclud", "ratif"),
}
# the gap between listed hosts, "and" only: each host becomes a standing fact, and "accredited
# to Peru or Bolivia" does not say both (events' LIST_GAP takes "or": it only gathers sides)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
# the rest of a name the towns table holds shorter: "Rostov" + "-on-Don"
_NAME_TAIL = re.compile(r"-(?:on|upon|sur|am|an|le|la|de)-[A-Z][\w'’]*")
# the next name of a list: ", Lviv", ", and Saint Petersburg", " and Rostov-on-Don"
_NEXT_NAME = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)"
                        r"([A-Z][\w'’.]*(?:[ -](?:on-)?[A-Z][\w'’.]*)*)")
_NEGATION = re.compile(r"\b(?:not|never|no longer|does not|did not|has no|have no|had no)\b",
                       re.I)
_PLANNED = re.compile(r"\b(?:plans? to|will|would|intends? to|is to|agreed to)\b", re.I)
# a change of relations only meant or threatened ("announced his intention to sever ties");
# "agreed to establish relations" in a history is told as done
_INTENDED = re.compile(r"\b(?:plans? to|planning to|will|intends? to|intention to|"
                       r"threaten(?:s|ed)? to|vow(?:s|ed)? to)\b", re.I)


def find_facts(sentence: AnnotatedSentence, context: DocumentContext) -> Iterator[FoundFact]:
    """The facts stated by one annotated sentence, their states as of the fact's date."""
    text = sentence.sentence.text
    start = 0
    for m in [*_CLAUSE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        for fact in _clause_facts(sentence, context, start, end):
            subject, obj = at_date(fact.subject, fact.valid), at_date(fact.object, fact.valid)
            if subject is not None and obj is not None and subject.country != obj.country:
                yield replace(fact, subject=subject, object=obj,
                              person=at_date(fact.person, fact.valid))
        start = m.end() if m else len(text)


def _clause_facts(s: AnnotatedSentence, ctx: DocumentContext, lo: int, hi: int
                  ) -> Iterator[FoundFact]:
    text = s.sentence.text[lo:hi]
    low = text.lower()
    # each cue's regex only where its words are: most clauses state no tie at all
    has = {cue: any(w in low for w in words) for cue, words in _CUE_WORDS.items()}
    if not any(has.values()):
        return
    mentions = [m for m in s.actors if lo <= m.start and m.end <= hi]
    # "the Syrian government recognized the Russian Federation": a government is its state
    states = [m if m.entity.kind == "state" else
              Mention(m.start, m.end, ctx.state(m.entity.country) or m.entity, m.is_place)
              for m in mentions if m.entity.country and (m.entity.kind == "state" or (
                  m.entity.kind == "organization" and m.entity.sector == "GOV"
                  and _GOVERNMENT.search(m.entity.text)))]
    times = [t for t in s.times.mentions if lo <= t.start and t.end <= hi and is_dated(t)]
    status = "negated" if _NEGATION.search(text) else "asserted"

    if has["mission"]:
        # "an embassy in Kyiv and consulates in Kharkiv and Lviv": each cue has the words
        # up to the next one
        cues = list(_MISSION.finditer(text))
        for cue, following in zip(cues, [*cues[1:], None][:len(cues)], strict=True):
            until = lo + (following.start() if following else len(text))
            yield from _embassy(s, ctx, text, lo, cue, mentions, states, times, status, until)
    if has["ambassador"] and (cue := _AMBASSADOR.search(text)) is not None and not (
            has["mission"] and _MISSION.search(text)):
        yield from ambassador_facts(s, ctx, lo, lo + len(text), cue, states, times, status)
    if has["relations"] and (cue := _RELATIONS.search(text)) is not None and (
            "diplomatic" in low or _BROKEN.search(text)) and not _only_other_ties(
            text[max(0, cue.start() - 30):cue.start()]):
        yield from _relations(s, ctx, text, lo, states, times, status)
    if has["recognise"] and (cue := _RECOGNISE.search(text)) is not None:
        yield from _recognition(s, lo + cue.start(), states, times, status)
    if has["accredited"] and (cue := _ACCREDITED.search(text)) is not None:
        yield from _accreditation(s, ctx, lo + cue.start(), mentions, states, times, status)
    for cue in _MEMBER.finditer(text) if has["member"] else ():
        yield from _membership(s, ctx, text, lo, cue, mentions, states, status)
    between = list(_treaty_between(text, lo, named, states, times, status)) if (
        named := _TREATY_BETWEEN.search(text)) is not None else []
    yield from between
    if not between and has["signed"] and (signed := _SIGNED.search(text)) is not None and (
            treaty := _TREATY.search(text)) is not None:
        sides = _signers(s, ctx, text, lo + signed.start(), states)
        if sides:
            at = lo + signed.start()
            when = nearest.when if (nearest := nearest_time(times, at)) else unknown()
            yield FoundFact("treaty", sides[0], sides[1], when, status, confidence=0.7,
                            treaty=treaty.group(1))


def _treaty_between(text: str, lo: int, named: re.Match[str],
                    states: list[Mention], times: list[TimeMention],
                    status: str) -> Iterator[FoundFact]:
    """"under the Treaty on Basic Relations Between Japan and the Republic of Korea": a
    treaty whose name says between whom, dated by the clause."""
    end = lo + named.end()
    parties: list[Entity] = []
    for m in states:
        if end <= m.start <= end + 80 and all(m.entity.country != p.country for p in parties):
            parties.append(m.entity)
    if len(parties) < 2:
        return
    when = nearest.when if (nearest := nearest_time(times, lo + named.start())) else unknown()
    title = re.split(r"[,;(]", text[named.start():])[0].strip()
    yield FoundFact("treaty", parties[0], parties[1], when, status, confidence=0.7,
                    treaty=title)


def _only_other_ties(before: str) -> bool:
    """"trade relations", but not "diplomatic and economic ties": ties of another kind."""
    return bool(_KIND_OF_TIES.search(before)) and "diplomatic" not in before.lower()


def _embassy(s: AnnotatedSentence, ctx: DocumentContext, text: str, lo: int, cue: re.Match[str],
             mentions: list[Mention], states: list[Mention], times: list[TimeMention],
             status: str, until: int) -> Iterator[FoundFact]:
    kind = "consulate" if cue.group(1).lower().startswith("consul") else "embassy"
    at = lo + cue.start()
    after = lo + cue.end()
    # sender: "X has an embassy", "the X embassy", "the embassy of X"
    of = re.match(r"\s+of\s+(?:the\s+)?", text[cue.end():])
    senders = [m for m in states if of and after <= m.start <= after + of.end() + 1]
    # "the embassy of the Russian Federation" resolved as one organisation of its state
    named = next((m for m in mentions if m.start <= at < m.end and m.entity.country
                  and m.entity.kind == "organization"), None)
    if not senders and named is not None:
        senders = [Mention(named.start, named.end, ctx.state(named.entity.country) or
                           named.entity)]
    if not senders:
        # a city before the cue is where an earlier mission is, not who sends this one
        before = [m for m in states if m.end <= at and not m.is_place]
        senders = before[-1:] if before else []
    if not senders and re.search(r"\bits\b", text[: cue.start()]) and ctx.last_subject:
        senders = [Mention(0, 0, ctx.last_subject)]
    if not senders:
        return
    sender = senders[0].entity
    # host and city: "in Bamako" (a city names its state), "to Burkina Faso"; a list of
    # cities is a mission in each ("consulates in Kharkiv, Lviv and Odessa")
    cities: list[_City] = []
    host = None
    for m in states:
        if m.start < after or m.start >= until or m.entity.country == sender.country:
            continue
        if m.is_place:
            cities.append((m.start, m.end, {"name": s.sentence.text[m.start:m.end],
                                            "country": m.entity.country}, m.entity))
        elif host is None:
            host = m.entity
    hints = [m.entity.country for m in states if m.entity.country]
    # towns the gazetteer does not know: "the Russian embassy in Valparaíso"
    for t in sentence_places(s.span, [(m.start, m.end) for m in mentions], hints):
        if after <= t.start < until and t.country != sender.country and (
                host is None or host.country == t.country):
            state = ctx.state(t.country, t.name)
            if state is not None:
                cities.append((t.start, t.end, {"name": t.name, "country": t.country}, state))
    listed = _city_list(s.sentence.text, ctx, sorted(cities, key=lambda c: c[0]), hints,
                        sender, until)
    place = listed[0][2] if listed else None
    host = host or (listed[0][3] if listed else None)
    if host is None:
        other = ctx.other_side(sender)
        if other is None:
            return
        host = other
    valid = unknown()
    clause = text  # "was closed in 1992" after the cue, "Russia reopened its embassy" before
    if _CLOSED.search(clause) and times:
        valid = When(None, times[0].when.start, times[0].when.precision, "closed",
                     times[0].when.text)
    elif _OPENED.search(clause) and times:
        valid = _opened(times[0])
    if place is None and valid.precision == "unknown" and not _KEEPS.search(text):
        return  # "the Chinese embassy denied the accusation": no tie stated
    if _PLANNED.search(text[: cue.start()]) and status == "asserted":
        status = "planned"
    for _, _, city, state in listed or [(0, 0, None, host)]:
        yield FoundFact(kind, sender, state if city else host, valid, status, place=city,
                        confidence=0.85)


_City = tuple[int, int, dict[str, str | None], Entity]  # start, end, place, its state


def _city_list(text: str, ctx: DocumentContext, cities: list[_City], hints: list[str],
               sender: Entity, until: int) -> list[_City]:
    """The first city after a mission cue and those listed after it, known to the towns
    table or not ("consulates in Kharkiv, Lviv and Odessa", "Rostov-on-Don" whole); one
    list has one host: a town of another country with the same name ends it."""
    listed = cities[:1]
    while listed:
        end = listed[-1][1]
        if tail := _NAME_TAIL.match(text, end):  # "Rostov" of "Rostov-on-Don"
            start, _, city, state = listed[-1]
            listed[-1] = (start, tail.end(), {**city, "name": text[start:tail.end()]}, state)
            end = tail.end()
        known = next((c for c in cities if c[0] > end), None)
        if known is not None and _LISTED.fullmatch(text[end:known[0]]):
            if known[2]["country"] != listed[0][2]["country"]:
                break
            listed.append(known)
            continue
        named = _NEXT_NAME.match(text, end)
        country = city_country(named.group(1), hints) if named else None
        state = ctx.state(country, named.group(1)) if named and country else None
        if named is None or state is None or country == sender.country or \
                country != listed[0][2]["country"] or named.end(1) > until:
            break
        listed.append((named.start(1), named.end(1),
                       {"name": named.group(1), "country": country}, state))
    return listed


def _relations(s: AnnotatedSentence, ctx: DocumentContext, text: str, lo: int,
               states: list[Mention], times: list[TimeMention], status: str
               ) -> Iterator[FoundFact]:
    """A relations fact for each change the clause tells ("restored relations on 20 July
    2015, after they had been severed in 1961": both), each dated by its own verb's
    nearest date; a change only intended ("announced his intention to sever") is none."""
    found = [(name, m) for name, pattern in _RELATION_CHANGE for m in pattern.finditer(text)]
    # "re-established" holds "established": the longer word is the change told
    changes = sorted(((name, m) for name, m in found if not any(
        o.start() <= m.start() and m.end() <= o.end() and len(o[0]) > len(m[0])
        for _, o in found)), key=lambda c: c[1].start())
    if not changes:
        # "Peru and Chile have shared diplomatic relations since …", "X–Y relations are
        # the diplomatic relations between X and Y": relations that stand, undated unless
        # "since" says from when
        pair = _pair(ctx, text, states) if _STANDING.search(text) else None
        if pair is not None:
            since = next((t.when for t in times if t.when.modifier == "since"), None)
            valid = When(since.start, None, since.precision, "since", since.text) \
                if since else unknown()
            yield FoundFact("diplomatic_relations", pair[0], pair[1], valid, status,
                            confidence=0.7)
        return
    told: set[str] = set()
    pair = _pair(ctx, text, states)
    for change, verb in changes:
        if change in told or _INTENDED.search(text[: verb.start()]):
            continue
        told.add(change)
        pairs = _pairs_with(text, states, verb.end()) or _doers(s, ctx, lo, verb, states) or (
            [pair] if pair else [])
        if not pairs:
            return
        nearest = nearest_time(times, lo + verb.start())
        when = nearest.when if nearest else None
        if when is None:
            valid = unknown()
        elif change == "severed":  # a suspension ends relations too, and says it may not last
            valid = When(None, when.start, when.precision, "suspended" if verb.group(
                1).lower().startswith("suspen") else "severed", when.text)
        else:
            valid = When(when.start, None, when.precision, change, when.text)
        for a, b in pairs:
            yield FoundFact("diplomatic_relations", a, b, valid, status, confidence=0.85)


_CLAUSE_OPENER = re.compile(r"\b(?:when|which|who|that|after|before|while|whereas|because)\b|;")


def _pairs_with(text: str, states: list[Mention], after: int) -> list[tuple[Entity, Entity]]:
    """"Saudi Arabia, with Bahrain and Egypt, severed all ties with Qatar": each state
    named before "with X" and X."""
    # the partner in the verb's own clause: not "… began in 1950, when India ended
    # relations with Taipei"
    closes = next((m.start() for m in _CLAUSE_OPENER.finditer(text, after)), len(text))
    partner = next((m for m in states if after <= m.start < closes and re.search(
        r"\bwith\s+(?:the\s+)?$", text[after:m.start])), None)
    if partner is not None:
        # the states named before the verb, in its own clause
        opened = max((m.end() for m in _CLAUSE_OPENER.finditer(text, 0, after)), default=0)
        sides: list[Entity] = []
        for m in states:
            if opened <= m.start < after and m.entity.country != partner.entity.country and all(
                    m.entity.country != e.country for e in sides):
                sides.append(m.entity)
        if sides:
            return [(e, partner.entity) for e in sides]
    return []


def _two(ctx: DocumentContext, states: list[Entity]) -> tuple[Entity, Entity]:
    """The first two of several distinct states, unless the page's pair is among them:
    "after talks brokered by China, Iran and Saudi Arabia agreed to restore relations" on
    the Iran–Saudi Arabia page is the pair's."""
    if len(states) > 2 and ctx.pair and all(
            any(e.country == p.country for e in states) for p in ctx.pair):
        return ctx.pair
    return states[0], states[1]


def _doers(s: AnnotatedSentence, ctx: DocumentContext, lo: int, verb: re.Match[str],
           states: list[Mention]) -> list[tuple[Entity, Entity]]:
    """"After talks brokered by China, Iran and Saudi Arabia agreed to reestablish
    relations": the states of the verb's subject, when it names two."""
    doers: list[Entity] = []
    for m in _subject_states(s, lo + verb.start(), states):
        if all(m.entity.country != e.country for e in doers):
            doers.append(m.entity)
    return [_two(ctx, doers)] if len(doers) >= 2 else []


def _recognition(s: AnnotatedSentence, at: int, states: list[Mention],
                 times: list[TimeMention], status: str) -> Iterator[FoundFact]:
    before = [m for m in states if m.end <= at]
    after = [m for m in states if m.start >= at]
    # "Chad broke off relations with Beijing and recognised Taiwan": the verb's subject
    doer = _subject_states(s, at, before)
    if doer:
        before = doer
    text = s.sentence.text
    if (switched := _SWITCHED.match(text, at)) is not None:
        # "switched recognition from Taipei to Beijing": the one it went to
        after = [m for m in after if m.start >= switched.end()]
    if before and not after and _GOVERNING.search(text, at) and (
            other := s.context.other_side(before[-1].entity)) is not None:
        # on a pair's page, the governing body one side recognised governs the other side
        after = [Mention(at, at, other, False)]
    if not before or not after or before[-1].entity.country == after[0].entity.country:
        return
    when = _first(times)
    valid = _opened(times[0]) if when else unknown()
    yield FoundFact("recognition", before[-1].entity, after[0].entity, valid, status,
                    confidence=0.85)


def _subject_states(s: AnnotatedSentence, at: int, states: list[Mention]) -> list[Mention]:
    """The states named in the subject of the verb at offset ``at`` (shared by a
    coordinated verb: "Chad broke off … and recognised …")."""
    span = s.span
    verb = next((t for t in span if t.idx - span.start_char == at), None)
    # a verb with no subject of its own shares its head's: "… and recognised", "the first
    # country to recognise", "…, recognizing the PRC"
    for _ in range(6):
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or \
                verb.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl", "ccomp") or \
                verb.head.i == verb.i:
            break
        verb = verb.head if verb.dep_ != "acl" else verb.head.head
    if verb is None:
        return []
    for c in verb.children:
        if c.dep_ == "nsubj":
            a = c.left_edge.idx - span.start_char
            b = c.right_edge.idx + len(c.right_edge.text) - span.start_char
            return [m for m in states if a <= m.start and m.end <= b]
    return []


def _accreditation(s: AnnotatedSentence, ctx: DocumentContext, at: int,
                   mentions: list[Mention], states: list[Mention], times: list[TimeMention],
                   status: str) -> Iterator[FoundFact]:
    after = [m for m in states if m.start >= at]
    before = [m for m in states if m.end <= at]
    # "The Ethiopian ambassador to Russia is also accredited to Armenia": the envoy's
    # state sends; else "handled by the embassy in Abidjan, which was accredited to X"
    envoy = next((m.entity for m in mentions if m.end <= at and m.entity.kind == "person"
                  and m.entity.country and m.entity.role in ("ambassador", "envoy")), None)
    sender = envoy or (before[0].entity if before else ctx.last_subject)
    if not after or sender is None:
        return
    text = s.sentence.text
    hosts = [after[0]]  # "accredited to Armenia, Azerbaijan and Belarus": each of them
    for m in after[1:]:
        if not _LISTED.fullmatch(text[hosts[-1].end:m.start]):
            break
        hosts.append(m)
    place = next(({"name": text[m.start:m.end], "country": m.entity.country}
                  for m in after[len(hosts):] + before if m.is_place), None)
    valid = _opened(times[0]) if times else unknown()
    for host in hosts:
        if host.entity.country != sender.country:
            yield FoundFact("accreditation", sender, host.entity, valid, status, place=place,
                            confidence=0.7)


def _membership(s: AnnotatedSentence, ctx: DocumentContext, text: str, lo: int,
                cue: re.Match[str], mentions: list[Mention], states: list[Mention],
                status: str) -> Iterator[FoundFact]:
    at = lo + cue.end()
    after = sorted((m for m in mentions if m.entity.kind == "igo" and m.start >= at),
                   key=lambda m: m.start)
    # the organisation the cue names ("member of the APEC"), not one further on
    if not after or not re.fullmatch(r"\s*(?:the\s+)?", s.sentence.text[at:after[0].start]):
        return
    # "members of A, B, C and the D": each organisation of the list
    igos = [after[0]]
    full = s.sentence.text
    for m in after[1:]:
        if not _LISTED.fullmatch(full[igos[-1].end:m.start]):
            break
        igos.append(m)
    members = _holders(s, ctx, lo + cue.start(), states)
    if members is None:  # no parse to say whose membership: the states before the cue
        members = [m.entity for m in states if m.end <= at]
    if not members and re.search(r"\b(?:both|the two)\b", text, re.I) and ctx.pair:
        members = list(ctx.pair)
    for igo in igos:
        for member in members:
            yield FoundFact("membership", member, igo.entity, unknown(), status,
                            confidence=0.75)


def _holders(s: AnnotatedSentence, ctx: DocumentContext, at: int, states: list[Mention]
             ) -> list[Entity] | None:
    """The states that the noun at offset ``at`` is said of: the subject of its verb ("it is
    a member", "both are members") or the name it stands beside ("Chile, a member of");
    a pronoun subject is the sentence's main subject. None when the parse does not say."""
    span = s.span
    tok = next((t for t in span if t.idx - span.start_char == at), None)
    if tok is None:
        return None
    if tok.dep_ == "appos":  # the name itself, not the rest of the clause it heads
        base = s.span.start_char
        a, b = tok.head.left_edge.idx - base, tok.head.idx + len(tok.head.text) - base
        return [m.entity for m in states if a <= m.start and m.end <= b]
    verb = tok
    for _ in range(3):  # "is a member", "joined as a member"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                          for c in verb.children):
        verb = verb.head  # "Chile signed … and joined as a member": the shared subject
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:  # "tabled by some members of the Council": nobody said to be one
        return []
    found = _states_in(s, subject, states)
    if found or subject.pos_ != "PRON" or subject.lower_ not in ("it", "its"):
        return found
    root = verb.sent.root if verb.sent.root.i != verb.i else None
    main = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    found = _states_in(s, main, states) if main is not None else []
    if not found and ctx.last_subject is not None:
        found = [ctx.last_subject]
    return found


def _states_in(s: AnnotatedSentence, tok: Token, states: list[Mention]) -> list[Entity]:
    base = s.span.start_char
    a = tok.left_edge.idx - base
    b = tok.right_edge.idx + len(tok.right_edge.text) - base
    out: list[Entity] = []
    for m in states:
        if a <= m.start and m.end <= b and all(m.entity.country != e.country for e in out):
            out.append(m.entity)
    return out


def _signers(s: AnnotatedSentence, ctx: DocumentContext, text: str, at: int,
             states: list[Mention]) -> tuple[Entity, Entity] | None:
    """The parties to a treaty: the signing verb's subject ("the two countries signed",
    not the state an envoy in the same sentence was posted to), and whom it signed with."""
    subject = _holders(s, ctx, at, states) or []
    if len(subject) >= 2:
        return subject[0], subject[1]
    if len(subject) == 1:
        other = next((m.entity for m in states if m.start > at
                      and m.entity.country != subject[0].country), None)
        other = other or ctx.other_side(subject[0])
        return (subject[0], other) if other is not None else None
    return _pair(ctx, text, states)


def _pair(ctx: DocumentContext, text: str, states: list[Mention]) -> tuple[Entity, Entity] | None:
    distinct: list[Entity] = []
    for m in states:
        if all(m.entity.country != e.country for e in distinct):
            distinct.append(m.entity)
    if len(distinct) >= 2:
        return _two(ctx, distinct)
    if ctx.pair and re.search(r"\b(?:both|the two|each other|bilateral|the neighbou?ring "
                              r"(?:countries|states|nations))\b", text, re.I):
        if not distinct:
            return ctx.pair
        other = ctx.other_side(distinct[0])
        if other is not None:
            return distinct[0], other
    if len(distinct) == 1 and ctx.pair:
        other = ctx.other_side(distinct[0])
        if other is not None and re.search(r"\bbetween\b|\bwith\b", text):
            return distinct[0], other
    if not distinct and ctx.pair and _UNOWNED.search(text):
        return ctx.pair  # "diplomatic ties were reinstated in 2022", on the pair's page
    return None


# relations told with no one's name on them: the page's pair's
_UNOWNED = re.compile(r"\b(?:diplomatic\s+)?(?:relations|ties)\s+(?:were|was|had\s+been|have\s+"
                      r"been|has\s+been)\b", re.I)


def _first(times: list[TimeMention]) -> When | None:
    return times[0].when if times else None


def _opened(t: TimeMention) -> When:
    w = t.when
    return When(w.start, w.end, w.precision, w.modifier, w.text)


