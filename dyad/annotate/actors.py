"""Actor resolution: states (valid at the event's date), persons with roles,
organisations and IGOs named in a sentence, as ``ActorMention``s.

Gazetteer phrase matches (longest wins) are combined with spaCy's PERSON
entities and role words: "Russia's foreign minister Sergey Lavrov" is one
person mention (RUS, GOV, foreign minister). "The two countries" is the
document's pair, read from its title ("Mali–Russia relations"). Ambiguous names
("Congo") stay unresolved; nothing is guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.annotate import anaphora, people
from dyad.model import Entity
from dyad.reference.gazetteer import (
    COMBINING_FORMS,
    Entry,
    Gazetteer,
    Token,
    load_gazetteer,
    normalise,
    tokenize,
)

_PAIR_TITLE = re.compile(r"^\s*(.+?)\s*[–—\-/]\s*(.+?)\s+relations\b", re.I)
_PAIR_BETWEEN = re.compile(r"relations\s+between\s+(.+?)\s+and\s+(.+?)\s*$", re.I)
_BOTH = {("the", "two", "countries"), ("both", "countries"), ("both", "states"),
         ("the", "two", "states"), ("both", "nations"), ("the", "two", "nations"),
         ("both", "governments"), ("the", "two", "governments"), ("both", "sides"),
         ("the", "two", "sides"),
         # their people: "the two leaders signed …"
         ("the", "two", "leaders"), ("both", "leaders"), ("the", "two", "presidents"),
         ("both", "presidents"), ("the", "two", "heads", "of", "state"),
         ("the", "two", "foreign", "ministers"), ("the", "two", "delegations"),
         ("both", "delegations"), ("the", "two", "armies"), ("both", "armies"),
         # "Two countries signed …" at the head of a sentence, without "the"
         ("two", "countries"), ("two", "states"), ("two", "nations"), ("two", "governments")}
# "the kingdom", "the republic": a state named by its form, unless a name follows ("of …")
_COUNTRY = {("the", "country"), ("the", "state"), ("the", "kingdom"), ("the", "republic"),
            ("the", "nation"), ("this", "country"), ("that", "country")}
# "the four countries", "all five states": as many as the last list named
_COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}
_GROUP_NOUNS = frozenset({"countries", "states", "nations", "governments"})
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|,?\s*(?:along|together) with\s+)"
                       r"(?:the\s+)?")
_OWN_COUNTRY = {("his", "country"), ("her", "country")}
# "citing the neighbour's hostile actions": the state named before, not the subject's own
_NEIGHBOUR = {("the", "neighbor"), ("the", "neighbour"), ("its", "neighbor"),
              ("its", "neighbour")}
# a token can open one of the phrases above only with one of these words
_PHRASE_FIRST = frozenset(p[0] for p in _BOTH | _COUNTRY | _OWN_COUNTRY | _NEIGHBOUR) | {"all"}
# words allowed between a state modifier and a role word: "Russia's *then* foreign minister"
_GAP = {"the", "'s", "senior", "top", "former", "then", "new", "chief", "deputy", "acting",
        "interim", "visiting", "outgoing", "incoming", "own", "a", "an", "transitional"}
_TITLE_LINK = {"of", "and", "for", "the", "&"}


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # character offsets in the sentence text
    end: int
    entity: Entity


@dataclass
class DocContext:
    """What one document fixes for all its sentences: its pair and names resolved so far."""

    pair: tuple[str, ...] = ()
    resolved: dict[str, Entity] = field(default_factory=dict)  # normalised text → entity
    last_state: str | None = None
    last_subject: str | None = None  # the country of the last sentence's subject
    # the state that was the subject of the sentence just before, None if it named none
    subject_before: str | None = None
    # how often each state has been named so far, in the order first named: a story with
    # no pair in its title means by "the two countries" the two it names most (on a tie,
    # the first named: a story opens with its protagonists, third parties come later)
    named: dict[str, int] = field(default_factory=dict)
    # the last list of three or more states ("Saudi Arabia along with Bahrain, Egypt and
    # the UAE"): "the four countries" after it are they
    listed: tuple[str, ...] = ()

    def story_pair(self) -> tuple[str, ...]:
        if len(self.pair) == 2:
            return self.pair
        order = list(self.named)
        top = sorted(order, key=lambda c: (-self.named[c], order.index(c)))[:2]
        return tuple(top) if len(top) == 2 else ()
    surnames: dict[str, Entity] = field(default_factory=dict)  # normalised surname → person

    @classmethod
    def from_title(cls, title: str | None, gazetteer: Gazetteer | None = None) -> DocContext:
        return cls(pair=parse_pair(title, gazetteer))


def parse_pair(title: str | None, gazetteer: Gazetteer | None = None) -> tuple[str, ...]:
    """The two state codes of a title such as "Mali–Russia relations"; () if not a pair."""
    if not title:
        return ()
    g = gazetteer or load_gazetteer()
    m = _PAIR_TITLE.search(title) or _PAIR_BETWEEN.search(title)
    if not m:
        return ()
    codes = []
    for part in m.groups():
        states = [e for e in g.lookup(part) if e.kind == "state" and len(e.codes) == 1]
        if not states:
            return ()
        codes.append(states[0].codes[0])
    return tuple(codes)


@dataclass(slots=True)
class _Cand:
    i: int  # token span [i, j)
    j: int
    entity: Entity
    modifier: bool = False  # a state word that can qualify a role word after it


def resolve_actors(sentence: Any, date: str | None = None, context: DocContext | None = None,
                   gazetteer: Gazetteer | None = None,
                   times: Sequence[Any] = (), text: str | None = None) -> list[ActorMention]:
    """Actors named in ``sentence`` (str, spaCy Doc or Span), offsets relative to it.

    ``date`` is the event's ISO date; states are coded as of that date (no date: as named).
    ``times`` (the sentence's ``TimeMention``s) date each clause on its own: in "X
    recognised Mali on 7 July 1960, and relations were established on 14 October
    1960", the second clause's states are coded as of October.
    ``context`` carries the document's pair and earlier resolutions; it is updated.
    ``text``: the parsed sentence's text, when the caller has it (a Span's is rebuilt).
    """
    g = gazetteer or load_gazetteer()
    ctx = context if context is not None else DocContext()
    if isinstance(sentence, str):
        from dyad.annotate.nlp import load_nlp

        parsed = load_nlp()(sentence)
        text, base, ents = sentence, 0, parsed.ents
    else:
        parsed = sentence
        base, ents = getattr(sentence, "start_char", 0), sentence.ents
        text = sentence.text if text is None else text
    date_at = _clause_dates(text, date, times)
    tokens = g.split_compounds(tokenize(text))
    if not tokens:
        return []
    persons: list[tuple[int, int]] = []
    names = [ent for ent in ents if ent.label_ == "PERSON"]
    if names:  # token spans of spaCy's person names (most sentences have none)
        starts = {t.start: k for k, t in enumerate(tokens)}
        ends = {t.end: k + 1 for k, t in enumerate(tokens)}
        for ent in names:
            i, j = starts.get(ent.start_char - base), ends.get(ent.end_char - base)
            if i is not None and j is not None:
                persons.append((i, j))

    cands: list[_Cand] = []
    for i, j, entries in g.matches(tokens):
        c = _from_entries(g, tokens, i, j, entries, date_at(tokens[i].start), ctx, text, persons)
        if c:
            cands.append(c)
    subject = _Subject(parsed, tokens, cands)
    cands = _roles(g, tokens, cands, persons, date, ctx, text, subject)
    cands += _references(tokens, cands, date_at, ctx, g, text, subject)
    cands += _it_before(parsed, base, tokens, ctx, g, date_at)
    cands += _it_object(parsed, base, tokens, cands, subject, g, text)
    cands = _people(g, tokens, cands, persons, date, ctx, text)

    out: list[ActorMention] = []
    taken: set[int] = set()
    accepted: set[tuple[int, int]] = set()
    # longest first; the same span may carry several entities ("the two countries")
    for c in sorted(cands, key=lambda c: (-(c.j - c.i), c.i)):
        span = set(range(c.i, c.j))
        if span & taken and (c.i, c.j) not in accepted:
            continue
        taken |= span
        accepted.add((c.i, c.j))
        out.append(ActorMention(tokens[c.i].start, tokens[c.j - 1].end, c.entity))
    out.sort(key=lambda m: (m.start, m.end))
    for m in out:
        e = m.entity
        if e.country and e.kind in ("state", "person", "organization"):
            ctx.resolved.setdefault(normalise(e.name), e)
        if e.kind == "state" and e.country:
            ctx.last_state = e.country
        if e.kind == "person" and (e.country or e.role) and not people.role_only(e) \
                and " " in e.name:  # fmt: skip
            ctx.surnames[normalise(e.name.split()[-1])] = e
    # states named as such, not "the two countries": how often, and in which lists
    states = [m for m in out if m.entity.kind == "state" and m.entity.country
              and tuple(m.entity.text.lower().split()) not in _BOTH]
    # a state's people and bodies name it too ("Chad expels four Sudanese diplomats")
    for m in out:
        if m.entity.kind in ("group", "organization") and m.entity.country:
            ctx.named[m.entity.country] = ctx.named.get(m.entity.country, 0) + 1
    run: list[ActorMention] = []
    for m in states:
        ctx.named[m.entity.country] = ctx.named.get(m.entity.country, 0) + 1
        if run and not _LIST_GAP.fullmatch(text[run[-1].end:m.start]):
            run = []
        run.append(m)
        codes = tuple(dict.fromkeys(r.entity.country for r in run))
        if len(codes) >= 3:
            ctx.listed = codes  # type: ignore[assignment]
    main = anaphora.main_subject(parsed)
    subject_state = next((m.entity.country for m in out if _speaks_for_state(m.entity)
                          and main[0] <= m.start < main[1]), None) if main is not None else None
    if main is not None:
        ctx.last_subject = next((m.entity.country for m in out if m.entity.country
                                 and main[0] <= m.start < main[1]), ctx.last_subject)
    ctx.subject_before = subject_state
    return out


@dataclass(slots=True)
class _Subject:
    """The country of the actor that is the subject of a word's clause."""

    parsed: Any
    tokens: list[Token]
    cands: list[_Cand]

    def span(self, offset: int) -> tuple[int, int] | None:
        return anaphora.clause_subject(self.parsed, offset)

    def country(self, offset: int) -> str | None:
        """The subject's country, unless the word at ``offset`` is itself in the subject."""
        span = self.span(offset)
        if span is None or span[0] <= offset < span[1]:
            return None
        inside = [c for c in self.cands if span[0] <= self.tokens[c.i].start < span[1]
                  and c.entity.country]
        inside.sort(key=lambda c: c.entity.kind != "state")
        return inside[0].entity.country if inside else None


def _people(g: Gazetteer, tokens: list[Token], cands: list[_Cand],
            persons: list[tuple[int, int]], date: str | None, ctx: DocContext,
            text: str) -> list[_Cand]:
    """Names that only the sentence's shape resolves (see ``dyad.annotate.people``)."""
    sides = [_state(g, code, date) for code in ctx.pair] if len(ctx.pair) == 2 else []

    def other_side(code: str | None) -> str | None:
        return sides[1 - sides.index(code)] if code in sides else None

    found = [people.Found(c.i, c.j, c.entity) for c in cands]
    found += people.copula_people(text, tokens, found, other_side)
    found += people.appositive_people(text, tokens, found, g, persons)
    found += people.surname_people(tokens, found, ctx.surnames, persons)
    counterpart = people.counterpart_side(tokens, found, other_side)
    out = []
    for f in found:
        e = f.entity
        if e.kind == "person" and e.country is None and e.role in people.ENVOYS:
            e = replace(e, country=other_side(people.envoy_host(tokens, f, found)))
        if e.kind == "person" and e.country is None and counterpart:
            e = replace(e, country=counterpart, confidence=min(e.confidence, 0.7))
        out.append(_Cand(f.i, f.j, e))
    return out


def _with_the(tokens: list[Token], i: int) -> int:
    return i - 1 if i > 0 and tokens[i - 1].norm == "the" else i


def _state(g: Gazetteer, code: str, date: str | None) -> str:
    return g.state_at(code, date) or code


# a new clause: ", and", ", but", ";" — each may write its own date
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|although|though|when)\s+|;\s+")
_VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _clause_dates(text: str, date: str | None,
                  times: Sequence[Any]) -> Callable[[int], str | None]:
    """offset → the date its clause writes (the clause's first date), else ``date``."""
    # "Azerbaijan has enforced a blockade of Armenia since 1989": what has gone on since a
    # date is told of the states as they are, not as they were then
    dated = [(m.start, None if m.when.modifier == "since" else m.when.start or m.when.end)
             for m in times if m.value not in _VAGUE and (m.when.start or m.when.end)]
    if not dated:
        return lambda offset: date
    bounds = [0, *(b.end() for b in _CLAUSE.finditer(text)), len(text) + 1]

    def date_at(offset: int) -> str | None:
        k = bisect.bisect_right(bounds, offset)
        lo, hi = bounds[k - 1], bounds[min(k, len(bounds) - 1)]
        inside = [iso for start, iso in dated if lo <= start < hi]
        return inside[0] if inside else date

    return date_at


def _from_entries(g: Gazetteer, tokens: list[Token], i: int, j: int, entries: list[Entry],
                  date: str | None, ctx: DocContext, text: str,
                  persons: list[tuple[int, int]]) -> _Cand | None:
    first = tokens[i].text
    if not first[:1].isupper() and not first[:1].isdigit() and \
            not any(c.isupper() for t in tokens[i:j] for c in t.text):
        return None  # "turkey", "chad", "us" are words, not actors; "al-Qaeda" is a name
    e = entries[0]
    if e.acronym and not all(t.text.replace(".", "").isupper() for t in tokens[i:j]):
        return None
    in_person = any(pi <= i and j <= pj and (pi, pj) != (i, j) for pi, pj in persons)
    if e.kind == "person":
        return _person_entry(g, tokens, i, j, entries, date)
    if in_person:
        return None  # "Washington" in "George Washington"
    if e.kind == "state" and i > 0 and tokens[i - 1].norm == "ethnic":
        return None  # "ethnic Albanians in Serbia" are a people, not the state of Albania
    if j - i == 1 and tokens[i].norm in COMBINING_FORMS and (
            j >= len(tokens) or tokens[j].text not in ("-", "–")):
        return None  # "Franco ruled Spain": a combining form names a state only in "Franco-"
    if e.form == "adjective" and tokens[i].norm == "greek" and j < len(tokens) and \
            tokens[j].norm in ("orthodox", "catholic"):
        return None  # "the Greek Orthodox Church of Alexandria": a rite, not Greece
    if e.form == "capital" and _names_a_treaty(tokens, i, j):
        return None  # "the Treaty of Paris", "the Minsk agreements": where, not who
    if e.form == "adjective" and ((j < len(tokens) and tokens[j].text == ":")
                                  or _names_language(tokens, i, j)):
        return None  # "(Russian: …)", "written in Japanese and French" name languages
    span = text[tokens[_with_the(tokens, i)].start:tokens[j - 1].end]
    if e.kind == "igo":
        return _Cand(_with_the(tokens, i), j,
                     Entity(e.name, span, "igo", None, None, None, e.code, e.confidence))
    if e.kind == "organization":
        country = _state(g, e.codes[0], date) if e.codes else None
        return _Cand(_with_the(tokens, i), j,
                     Entity(e.name, span, "organization", country, e.sector, None))
    # a state
    codes, conf = e.codes, e.confidence
    if not codes:
        return None  # a blocker row ("Washington State")
    if len(codes) > 1:
        known = [c for c in codes if c in ctx.pair or c == ctx.last_state]
        if len(known) == 1:
            codes, conf = (known[0],), 0.7
        else:
            return _Cand(_with_the(tokens, i), j,
                         Entity(e.name, span, "state", None, None, None, None, conf))
    elif conf < 0.7 and codes[0] in ctx.pair:
        conf = 0.9  # "Georgia" in "Georgia–Russia relations"
    elif conf < 0.7:
        low = normalise(text)
        if "atlanta" in low or "u.s. state" in low or "us state" in low:
            return None
        if codes[0] == ctx.last_state:
            conf = 0.8
    country = codes[0] if _former_named(g, codes[0], date) else _state(g, codes[0], date)
    kind = "organization" if e.kind == "organization" else "state"
    locative = i > 0 and tokens[i - 1].norm in ("in", "at", "to", "from") and e.form == "capital"
    return _Cand(_with_the(tokens, i), j,
                 Entity(g.name_of(country), span, kind, country, e.sector, None, None,
                        min(conf, 0.6) if locative else conf),
                 modifier=e.form in ("adjective", "name", "alias", "demonym"))


# agreements a city's name can name: "the Treaty of Paris", "the Oslo Accords"
TREATY_NOUNS = frozenset({"treaty", "treaties", "peace", "accord", "accords", "agreement",
                          "agreements", "protocol", "protocols", "convention", "pact",
                          "declaration", "charter", "congress", "armistice", "memorandum"})


def _names_a_treaty(tokens: list[Token], i: int, j: int) -> bool:
    before = [t.norm for t in tokens[max(i - 2, 0):i]]
    return (len(before) == 2 and before[1] == "of" and before[0] in TREATY_NOUNS) or (
        j < len(tokens) and tokens[j].norm in TREATY_NOUNS and tokens[j].text[:1].isupper())


# words before a language's name: "written in French", "translated into Arabic", "spoke
# Russian"
LANGUAGE_LEADS = frozenset({"in", "into", "speak", "speaks", "spoke", "spoken", "speaking",
                            "learn", "learned", "learnt", "teach", "taught"})
# words after it: a noun would make the adjective a state's ("in French hands")
LANGUAGE_FOLLOWERS = frozenset({"by", "and", "or", "to", "for", "from", "with", "on", "at",
                                "as", "which", "that", "while", "because", "but", "only",
                                "is", "are", "was", "were", "has", "had"})


def _names_language(tokens: list[Token], i: int, j: int) -> bool:
    """An adjective standing alone after "in"/"spoke", with nothing it describes after it
    (a list of such adjectives counted as one): a language, not a state."""
    def listed(k: int, step: int) -> int:
        # past "X and Y", "X, Y or Z": the far end of a list of capitalised words
        while 0 <= k + step < len(tokens) and 0 <= k + 2 * step < len(tokens) and \
                tokens[k + step].norm in ("and", "or", ",") and \
                tokens[k + 2 * step].text[:1].isupper():
            k += 2 * step
        return k
    first, last = listed(i, -1), listed(j - 1, 1)
    if first == 0 or tokens[first - 1].norm not in LANGUAGE_LEADS:
        return False
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return after is None or not after.text[:1].isalnum() or after.norm in LANGUAGE_FOLLOWERS


def _former_named(g: Gazetteer, code: str, date: str | None) -> bool:
    """A former state named after its end ("the successor state of the Soviet Union" in
    1992) is that state, not its successor: the text names it as gone."""
    s = g.states.get(code)
    return bool(s and s.status == "former" and s.valid_to and date
                and date[:10] >= s.valid_to[: len(date[:10])])


def _person_entry(g: Gazetteer, tokens: list[Token], i: int, j: int, entries: list[Entry],
                  date: str | None) -> _Cand | None:
    people = [e for e in entries if e.kind == "person"]
    if date:
        d = date[:10]
        now = [e for e in people if (not e.start or e.start[:len(d)] <= d)
               and (not e.end or d <= e.end[:len(d)])]
    else:
        now = []
    pick = now or people
    countries = {e.codes[0] for e in pick}
    names = {e.name for e in pick}
    text = " ".join(t.text for t in tokens[i:j])
    if len(countries) != 1:
        return _Cand(i, j, Entity(text, text, "person", None, None, None, None, 0.3))
    e = pick[0]
    conf = 1.0 if (now and len(names) == 1) else 0.7
    country = _state(g, e.codes[0], date)
    role = e.role if (now or len({x.role for x in pick}) == 1) else None
    return _Cand(i, j, Entity(e.name if len(names) == 1 else text, text, "person", country,
                              e.sector, role, None, conf))


def _roles(g: Gazetteer, tokens: list[Token], cands: list[_Cand],
           persons: list[tuple[int, int]], date: str | None, ctx: DocContext,
           text: str, subject: _Subject) -> list[_Cand]:
    """Join role words with the state before them and the name after them."""
    by_end = {c.j: c for c in cands if c.modifier and c.entity.country}
    by_start = {c.i: c for c in cands}
    used: set[int] = set()
    out = list(cands)
    for ci, cj, cue in g.cue_matches(tokens):
        if any(c.i <= ci < c.j for c in cands):
            continue  # inside a name ("Department of State")
        # the role text runs on over "of Economy and Finance"
        k = cj
        while k < len(tokens) and ((tokens[k].norm in _TITLE_LINK and k + 1 < len(tokens)
                                   and tokens[k + 1].text[:1].isupper())
                                   or (k > cj and tokens[k].text[:1].isupper()
                                       and tokens[k - 1].norm in _TITLE_LINK | {"of"}
                                       and k not in by_start)):
            k += 1
        if tokens[k - 1].norm in _TITLE_LINK:
            k -= 1
        role_end = k
        # a state before it: "Russia's", "the Russian", "its"
        left = ci
        while left > 0 and tokens[left - 1].norm in _GAP and left not in by_end:
            left -= 1
        state: _Cand | None = None
        start = ci
        p = left
        if p > 0 and tokens[p - 1].norm == "'s":
            p -= 1
        if p in by_end:
            state = by_end[p]
            start = state.i
        elif p > 0 and tokens[p - 1].norm in ("its", "their") and (
                code := subject.country(tokens[p - 1].start) or ctx.last_subject
                or ctx.last_state):  # fmt: skip
            # "its military": the subject of its clause, else the last sentence's subject
            start = p - 1
            state = _Cand(p - 1, p, Entity(g.name_of(code), tokens[p - 1].text, "state",
                                           code, None, None, None, 0.6))
        # "of Mali" after the role: "the President of Mali"
        if state is None and role_end < len(tokens) and tokens[role_end].norm == "of" \
                and role_end + 1 in by_start and by_start[role_end + 1].entity.kind == "state" \
                and by_start[role_end + 1].entity.country:
            state = by_start[role_end + 1]
            role_end = state.j
        # a name right after it: "Colonel Assimi Goïta"
        person: tuple[int, int] | None = None
        leader = by_start.get(role_end)
        if leader and leader.entity.kind == "person":
            person = (leader.i, leader.j)
        else:
            for pi, pj in persons:
                if pi == role_end or (pi <= ci < pj):
                    person = (max(pi, role_end), pj)
                    break
        if state is None and person is None and not (
                cue.role in people.ENVOYS and role_end + 1 < len(tokens)
                and tokens[role_end].norm == "to" and _state_at(by_start, role_end + 1)):
            continue  # a bare role word, unless an envoy's host follows ("ambassador to Mali")
        role_words = " ".join(tokens[x].norm for x in range(ci, role_end)
                              if state is None or not state.i <= x < state.j)
        # "the President of Peru": the state after the role leaves its "of" behind
        role_words = re.sub(r"(?:\s+(?:of|and|for|the|&))+$", "", role_words)
        role = cue.role if cue.role and role_words.startswith(cue.role) and len(role_words) \
            <= len(cue.role) + 1 else (role_words if cue.cue_kind == "person" else None)
        if role and cue.role and role.split(" ")[0] != cue.role.split(" ")[0] \
                and cue.role not in role:
            role = cue.role
        country = state.entity.country if state else None
        end = person[1] if person else max(role_end, cj)
        begin = _with_the(tokens, start)
        span = text[tokens[begin].start:tokens[end - 1].end]
        conf = state.entity.confidence if state else 0.9
        if person:
            name = " ".join(t.text for t in tokens[person[0]:person[1]])
            known = leader.entity if leader and leader.entity.kind == "person" else \
                ctx.resolved.get(normalise(name))
            if known and known.country:
                name = known.name
                country = country or known.country
            ent = Entity(name, span, "person", country, cue.sector, role, None, conf)
        else:
            plural = tokens[cj - 1].norm.endswith("s") and cue.cue_kind == "person"
            kind = "organization" if cue.cue_kind == "organization" else \
                ("group" if plural else "person")
            ent = Entity(_clean(span), span, kind, country, cue.sector,
                         role if kind == "person" or kind == "group" else None, None, conf)
        used.update(range(begin, end))
        out = [c for c in out if not (begin <= c.i and c.j <= end)]
        out.append(_Cand(begin, end, ent))
    return out


def _state_at(by_start: dict[int, _Cand], k: int) -> bool:
    c = by_start.get(k) or by_start.get(k + 1)
    return c is not None and c.entity.kind == "state" and bool(c.entity.country)


def _clean(span: str) -> str:
    return span[4:] if span.lower().startswith("the ") else span


def _references(tokens: list[Token], cands: list[_Cand], date_at: Callable[[int], str | None],
                ctx: DocContext, g: Gazetteer, text: str, subject: _Subject) -> list[_Cand]:
    """"the two countries" → the document's pair; "the country" → the nearest fitting state."""
    out: list[_Cand] = []
    norms = [t.norm for t in tokens]
    pair = ctx.story_pair()
    for k in range(len(tokens)):
        if norms[k] not in _PHRASE_FIRST:
            continue
        for phrase in _BOTH:
            n = len(phrase)
            if tuple(norms[k:k + n]) == phrase and len(pair) == 2:
                span = text[tokens[k].start:tokens[k + n - 1].end]
                for code in pair:
                    c = _state(g, code, date_at(tokens[k].start))
                    out.append(_Cand(k, k + n, Entity(g.name_of(c), span, "state", c,
                                                      None, None, None, 0.9)))
        if k + 2 < len(norms) and norms[k] in ("the", "all") and ctx.listed and \
                _COUNT_WORDS.get(norms[k + 1]) == len(ctx.listed) and \
                norms[k + 2] in _GROUP_NOUNS:
            span = text[tokens[k].start:tokens[k + 2].end]
            for code in ctx.listed:
                c = _state(g, code, date_at(tokens[k].start))
                out.append(_Cand(k, k + 3, Entity(g.name_of(c), span, "state", c,
                                                  None, None, None, 0.8)))
        if (tuple(norms[k:k + 2]) in _COUNTRY | _NEIGHBOUR and norms[k + 2:k + 3] != ["of"]) \
                or tuple(norms[k:k + 2]) in _OWN_COUNTRY:
            code = _country_meant(tokens, cands, k, ctx, subject)
            if code:
                span = text[tokens[k].start:tokens[k + 1].end]
                out.append(_Cand(k, k + 2, Entity(g.name_of(code), span, "state", code,
                                                  None, None, None, 0.6)))
    return out


def _speaks_for_state(entity: Entity) -> bool:
    """A state, or its government ("the government of Chad"): what "it" can stand for."""
    return bool(entity.country) and (entity.kind == "state" or (
        entity.kind == "organization" and entity.sector == "GOV"))


# verbs "it" is often an empty subject of: "it was …", "it seems that …"; and what "it
# took" when it is time: "it took years"
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "time", "decade", "century"})
_EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "happen",
                             "mean", "matter", "follow", "emerge", "turn", "come", "go",
                             "look", "sound", "feel", "cost", "rain", "say", "report"})


def _it_before(parsed: Any, base: int, tokens: list[Token], ctx: DocContext, g: Gazetteer,
               date_at: Callable[[int], str | None]) -> list[_Cand]:
    """"The U.S. attempted to purchase Cuba. It took over Cuba in 1898": a sentence opened
    by "it" doing something is about the state the sentence before had as its subject."""
    if ctx.subject_before is None or not tokens or tokens[0].norm != "it":
        return []
    first = next(iter(parsed), None)
    if first is None or first.dep_ != "nsubj" or first.head.dep_ != "ROOT" or \
            first.head.pos_ != "VERB" or first.head.lemma_.lower() in _EMPTY_IT_VERBS or \
            first.idx - base != tokens[0].start or any(
                c.dep_ == "dobj" and c.lemma_.lower() in _TIME_NOUNS for c in first.head.children):
        return []
    code = _state(g, ctx.subject_before, date_at(tokens[0].start))
    return [_Cand(0, 1, Entity(g.name_of(code), tokens[0].text, "state", code,
                               None, None, None, 0.6))]


# verbs whose object is a party, not a thing: "accusing it of", "urged it to"
_PARTY_VERBS = frozenset({"accuse", "blame", "charge", "urge", "ask", "call", "warn", "condemn",
                          "criticize", "criticise", "denounce", "thank", "praise", "invite",
                          "press", "implore", "recognize", "recognise", "fault", "summon"})


def _it_object(parsed: Any, base: int, tokens: list[Token], cands: list[_Cand],
               subject: _Subject, g: Gazetteer, text: str) -> list[_Cand]:
    """"Somalia severed ties with Kenya, accusing it of interference": "it" acted on is
    the state named last before it, other than the clause's subject; "them", the states
    listed last."""
    words = [w for w in parsed if w.lower_ in ("it", "them") and w.dep_ == "dobj"
             and w.head.lemma_.lower() in _PARTY_VERBS]
    if not words:
        return []  # most sentences: no token map built
    at = {t.start: k for k, t in enumerate(tokens)}
    out = []
    for word in words:
        k = at.get(word.idx - base)
        if k is None:
            continue
        if word.head.dep_ == "acl":
            # "statements by Sudanese officials accusing it of …": the officials accuse
            doer = word.head.head
            lo, hi = doer.left_edge.idx - base, doer.idx - base + len(doer.text)
            own = next((c.entity.country for c in cands if c.entity.country
                        and lo <= tokens[c.i].start < hi), None)
        else:
            own = subject.country(tokens[k].start)
        before = [c for c in cands if c.j <= k and _speaks_for_state(c.entity)
                  and c.entity.country != own]
        if not own or not before:
            continue
        meant = [before[-1]]
        if word.lower_ == "them":
            # "his Armenian and Azerbaijani counterparts … urged them": the states listed
            # last; one state alone is no "them"
            while len(meant) < len(before) and _LIST_GAP.fullmatch(
                    text[tokens[before[-len(meant) - 1].j - 1].end:tokens[meant[0].i].start]):
                meant.insert(0, before[-len(meant) - 1])
            if len({c.entity.country for c in meant}) < 2:
                continue
        for c in meant:
            code = c.entity.country
            out.append(_Cand(k, k + 1, Entity(g.name_of(code), tokens[k].text, "state", code,
                                              None, None, None, 0.6)))
    return out


def _country_meant(tokens: list[Token], cands: list[_Cand], k: int, ctx: DocContext,
                   subject: _Subject) -> str | None:
    """The state "the country" (or "his country") at token ``k`` points to.

    "his country" is the subject's; "the country" is the nearest state before it
    in the sentence, else the last sentence's subject, else the last state named.
    """
    if tuple(t.norm for t in tokens[k:k + 2]) in _OWN_COUNTRY:
        return subject.country(tokens[k].start) or ctx.last_subject
    if tuple(t.norm for t in tokens[k:k + 2]) in _NEIGHBOUR:
        own = subject.country(tokens[k].start)
        others = [c.entity.country for c in cands if c.j <= k and c.entity.kind == "state"
                  and c.entity.country and c.entity.country != own]
        return others[-1] if others else None
    # a government is its state: "recognised the Provisional Government of the Algerian
    # Republic … established relations with this country"
    before = [c.entity.country for c in cands if c.j <= k and c.entity.country and (
              c.entity.kind == "state" or (c.entity.kind == "organization"
                                           and c.entity.sector == "GOV"))]
    return before[-1] if before else ctx.last_subject or ctx.last_state
