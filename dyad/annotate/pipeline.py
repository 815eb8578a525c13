"""Annotate a Document: spaCy once over its sentences, then times, then actors.

Times come first because actors are coded as of the sentence's date: a 1961
"Russia" is the Soviet Union. Each sentence gets a ``DocumentContext`` bound
to its date, so "the two countries" in a 1960s sentence is Mali and the USSR.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from dyad.annotate.actors import DocContext, resolve_actors
from dyad.annotate.independence import independence_times
from dyad.annotate.nlp import load_nlp
from dyad.annotate.time import SentenceTimes, TimeMention, iter_times
from dyad.errors import DyadError
from dyad.model import Document, Entity, Sentence
from dyad.reference.gazetteer import Gazetteer, load_gazetteer, normalise

log = logging.getLogger("dyad")

BATCH_SIZE = 256  # sentences per spaCy batch: the fastest on these sentences (64 to 4000 tried)
# ... and at most about this many tokens: spaCy's memory grows with a batch's tokens (some
# 15 KB each), so 256 run-on pieces of 5,000 characters took 1.2 GB; 256 real sentences
# are some 7,000 tokens. A batch's parses do not depend on what else is in it.
BATCH_TOKENS = 10_000
_TOKEN = re.compile(r"\w+|[^\w\s]")  # as dyad.read.sentences counts them
# "now", "recently", "the future": relative to whatever anchor there was, not a written date
VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def is_dated(mention: TimeMention) -> bool:
    """A mention that puts something on the calendar (not a duration, set or "now")."""
    return mention.is_point and mention.value not in VAGUE_VALUES


@dataclass(frozen=True, slots=True)
class Mention:
    """A resolved actor in a sentence; ``is_place`` when the words name a city ("Bamako")."""

    start: int
    end: int
    entity: Entity
    is_place: bool = False


@dataclass(slots=True)
class DocumentContext:
    """What a sentence knows of its document: the pair (as of its date), the last subject."""

    gazetteer: Gazetteer
    date: str | None
    pair_codes: tuple[str, ...] = ()
    last_state: str | None = None
    published: str | None = None  # the document's own date (news): when it was told

    @property
    def pair(self) -> tuple[Entity, Entity] | None:
        if len(self.pair_codes) != 2:
            return None
        a, b = (self.state(code) for code in self.pair_codes)
        return (a, b) if a and b else None

    def state(self, code: str, text: str | None = None) -> Entity | None:
        current = self.gazetteer.state_at(code, self.date) or code
        if current not in self.gazetteer.states:
            return None
        name = self.gazetteer.name_of(current)
        return Entity(name, text or name, "state", current)

    def other_side(self, entity: Entity) -> Entity | None:
        pair = self.pair
        if pair is None or entity.country is None:
            return None
        a, b = pair
        if entity.country == a.country:
            return b
        if entity.country == b.country:
            return a
        # the Soviet embassy on a page whose pair is Russia's: one state over time
        today = self.gazetteer.state_today
        lineage = today(entity.country)
        if lineage is not None and lineage == today(a.country) != today(b.country):
            return b
        if lineage is not None and lineage == today(b.country) != today(a.country):
            return a
        return None

    @property
    def last_subject(self) -> Entity | None:
        return self.state(self.last_state) if self.last_state else None

    def resolve(self, name: str) -> Entity | None:
        states = [e for e in self.gazetteer.lookup(name) if e.kind == "state" and len(e.codes) == 1]
        return self.state(states[0].codes[0], name) if states else None


@dataclass(slots=True)
class AnnotatedSentence:
    sentence: Sentence
    span: Span
    times: SentenceTimes
    actors: list[Mention]
    context: DocumentContext

    @property
    def date(self) -> str | None:
        return self.context.date


@dataclass(slots=True)
class AnnotatedDocument:
    document: Document
    sentences: list[AnnotatedSentence] = field(default_factory=list)
    pair_codes: tuple[str, ...] = ()
    gazetteer: str | None = None  # the user's extra file, if any

    @property
    def context(self) -> DocumentContext:
        """The document-level context (no date): for infobox facts."""
        return document_context(self.pair_codes, gazetteer=self.gazetteer)


def document_pair(doc: Document, *, gazetteer: str | None = None) -> tuple[str, ...]:
    """The two state codes the document is about, from its title; () if not a pair."""
    return _doc_context(doc, load_gazetteer(gazetteer)).pair


def _doc_context(doc: Document, g: Gazetteer) -> DocContext:
    """The document's pair from its title, else from its infobox's two parties (wikitext
    copied from the edit box has no title line)."""
    ctx = DocContext.from_title(doc.title, g)
    parties = doc.infobox.get("party1"), doc.infobox.get("party2")
    if not ctx.pair and all(parties):
        ctx = DocContext.from_title(f"{parties[0]}–{parties[1]} relations", g)
    return ctx


def document_context(pair_codes: tuple[str, ...], *,
                     gazetteer: str | None = None) -> DocumentContext:
    """The document-level context: its pair, no date, with the user's gazetteer if given."""
    return DocumentContext(load_gazetteer(gazetteer), None, pair_codes)


def annotate(doc: Document, *, gazetteer: str | None = None) -> AnnotatedDocument:
    """Times, actors and the parse of every sentence of ``doc``, all held in memory
    (``iter_annotated`` gives them one at a time)."""
    return AnnotatedDocument(doc, list(iter_annotated(doc, gazetteer=gazetteer)),
                             document_pair(doc, gazetteer=gazetteer), gazetteer)


def iter_annotated(doc: Document, *, gazetteer: str | None = None
                   ) -> Iterator[AnnotatedSentence]:
    """The annotated sentences of ``doc`` in order, one at a time: only a batch of parses
    is alive, so a long document streams. A sentence too long for spaCy, or one the
    actor resolver fails on, is skipped with a warning."""
    g = load_gazetteer(gazetteer)
    nlp = load_nlp()
    doc_ctx = _doc_context(doc, g)
    # a sentence at a time: a streamed document (dyad.read.stream) is never held whole,
    # and its times are not all found before the first parse
    # one read of the sentences for both (a streamed document reads its file each time)
    for_times, sentences = itertools.tee(doc.sentences)
    times = iter_times(((s.text, s.section, s.kind) for s in for_times), doc.date)
    places: dict[str, bool] = {}  # surface → names a capital; the same names recur

    def parseable() -> Iterator[tuple[str, tuple[Sentence, SentenceTimes]]]:
        for sentence, sentence_times in zip(sentences, times, strict=True):
            if len(sentence.text) > nlp.max_length:
                log.warning("%s: sentence %d skipped (%d characters, over spaCy's limit)",
                            doc.source or doc.id, sentence.index, len(sentence.text))
                continue
            yield sentence.text, (sentence, sentence_times)

    def parsed_sentences() -> Iterator[tuple[Any, tuple[Sentence, SentenceTimes]]]:
        for batch in _batches(parseable()):
            yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)

    day_of_an_act = False  # the story's last named day dates a clause, not a noun
    for parsed, (sentence, sentence_times) in parsed_sentences():
        span = parsed[:]
        if sentence_times.narrative_day and not day_of_an_act:
            # "… citing a coup in Peru on Monday. Chile recalled its envoy": a day told of
            # a noun is background, not the day the story goes on from
            sentence_times = replace(sentence_times, narrative_day=False)
        dated = [m for m in sentence_times.mentions if m.is_point and not m.value.endswith("_REF")]
        if dated and sentence.kind not in ("caption", "heading"):
            day_of_an_act = dates_a_clause(span, dated[-1])
        if sentence_times.narrative is not None and not any(
                is_dated(m) for m in sentence_times.mentions) and speaks_of_now(span) and \
                not is_quoted(sentence.text) and not HAS_SINCE.search(sentence.text):
            # "… established relations in 1943. Russia currently has an embassy in Addis
            # Ababa": a present-tense sentence with no date is about now, not 1943; a quote's
            # present is when it was said
            sentence_times = replace(sentence_times, narrative=None)
        date = sentence_date(sentence_times)
        last_state = doc_ctx.last_state
        # the pair: the title's, else the two states the story has named most so far
        pair = doc_ctx.story_pair()
        mentions = []
        try:
            for m in resolve_actors(span, date, doc_ctx, g, times=sentence_times.mentions,
                                    text=sentence.text):
                surface = sentence.text[m.start : m.end]
                if surface not in places:
                    places[surface] = _is_place(g, surface)
                mentions.append(Mention(m.start, m.end, _written_person(
                    g, m.entity, sentence.text, m.start, m.end), places[surface]))
        except DyadError:
            raise  # a broken data file: not this sentence's fault
        except Exception as e:  # one odd sentence must not stop a corpus run
            log.warning("%s: sentence %d skipped (%s: %s)", doc.source or doc.id,
                        sentence.index, type(e).__name__, e)
            continue
        if "ndependence" in sentence.text and (extra := independence_times(
                span, sentence.text, mentions, sentence_times.mentions, pair, g)):
            sentence_times = replace(sentence_times, mentions=sorted(
                [*sentence_times.mentions, *extra], key=lambda m: m.start))
        ctx = DocumentContext(g, date, pair, last_state, doc.date)
        yield AnnotatedSentence(sentence, span, sentence_times, mentions, ctx)


def _batches(items: Iterator[tuple[str, Any]]) -> Iterator[list[tuple[str, Any]]]:
    """(text, context) pairs in lists of at most ``BATCH_SIZE`` items and, unless one
    text alone has more, ``BATCH_TOKENS`` tokens."""
    batch: list[tuple[str, Any]] = []
    tokens = 0
    for item in items:
        size = len(_TOKEN.findall(item[0]))
        if batch and (len(batch) == BATCH_SIZE or tokens + size > BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(item)
        tokens += size
    if batch:
        yield batch


# "Iran has since become Iraq's largest trading partner": since the time the story reached
HAS_SINCE = re.compile(r"\b(?:has|have|had)\s+since\b", re.I)
# words that put a sentence in the present whatever its verb: "Russia currently has …"
NOW_WORDS = re.compile(r"\b(?:currently|presently|now|today|nowadays)\b", re.I)


def speaks_of_now(span: Span) -> bool:
    """The sentence tells of the present: a present-tense main verb ("has an embassy",
    "is accredited to") or a word such as "currently"."""
    if NOW_WORDS.search(span.text):
        return True
    root = span.root
    tenses = [root.tag_] + [c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    return "VBD" not in tenses and any(t in ("VBZ", "VBP") for t in tenses) and not any(
        c.lower_ in ("will", "would", "had") for c in root.children)


def is_quoted(text: str) -> bool:
    """The sentence is someone's quoted words: it opens a quotation, or closes one it did
    not open ("“The kingdom announces … We consider … 24 hours.”")."""
    text = text.strip()
    text = text.rstrip(".")
    return text.startswith(("“", '"')) or (text.endswith("”") and "“" not in text) or (
        text.endswith('"') and text.count('"') == 1)


def dates_a_clause(span: Span, mention: TimeMention) -> bool:
    """The time expression hangs on a verb ("said yesterday", "On Saturday, residents
    said"), not on a noun ("a coup in Peru on Monday")."""
    words = span.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    head = words.root.head
    if head.dep_ in ("prep", "agent") and head.i != head.head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX")


def sentence_date(times: SentenceTimes) -> str | None:
    """The date actors are coded at: the sentence's first date, else the last date its
    section wrote before it ("In 1968 … The Soviets also …"), else its section's span."""
    for mention in times.mentions:
        if is_dated(mention) and (mention.when.start or mention.when.end):
            # "… since 1989": what has gone on since is told of the states as they are
            return None if mention.when.modifier == "since" else \
                mention.when.start or mention.when.end
    if times.narrative is not None:
        return times.narrative
    if times.frame is not None:
        return times.frame.start
    return None


def _written_person(g: Gazetteer, entity: Entity, text: str, start: int, end: int) -> Entity:
    """Keep the name as written when a surname matched someone else ("Igor X" is not "Andrei X").

    A leaders-table match on a surname gives the leader's name and country; if the text
    writes another given name before that surname, it is another person: keep the
    written name and drop what the table said. A title ("President X") is no given
    name, and a form the table lists for that leader ("Omar Hassan al-Bashir") is them.
    """
    if entity.kind != "person":
        return entity
    before = re.search(r"([A-Z][\w'’-]+)\s+$", text[max(0, start - 40) : start])
    surface = text[start:end]
    if before and len(surface.split()) == 1:
        surface = f"{before.group(1)} {surface}"
    written = surface.split()
    canonical = entity.name.split()
    if len(written) >= 2 and len(canonical) >= 2 and written[-1] == canonical[-1]:
        given = written[-2]
        if normalise(given) in g.cues:
            return entity
        matched = text[start:end]
        if " " in matched and any(e.kind == "person" and e.name == entity.name
                                  for e in g.lookup(matched)):
            return entity
        if given[:1].isupper() and given not in canonical and given.lower() not in STOP_WORDS:
            name = f"{given} {written[-1]}"
            return Entity(name, surface, "person", None, entity.sector, entity.role)
    return entity


def _is_place(g: Gazetteer, surface: str) -> bool:
    return any(e.form == "capital" for e in g.lookup(surface))
