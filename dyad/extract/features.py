"""What the scorers see of a found event or fact: a few dozen numbers read off the parse,
the sides and the date, the same at training and at run time.

Each feature names a kind of evidence the rules could not weigh against the others:
how the sides were found (the parse, or a fallback), where the trigger stands in the
sentence, whether the date is the sentence's own, whether the sides are the page's pair
and existed at that date, what kind of line the sentence is.
"""

from __future__ import annotations

from dyad.annotate.pipeline import AnnotatedSentence, DocumentContext
from dyad.extract.events import FoundEvent
from dyad.extract.found import FoundFact
from dyad.ontology import cameo

HOWS = ("parse", "loose", "named", "backed", "demand", "background", "unnamed", "nearest",
        "pair", "home", "caption")
STATUSES = ("asserted", "reported", "planned", "pledged", "alleged", "speculated")
KINDS = ("paragraph", "list_item", "caption")
PRECISIONS = ("day", "month", "year", "decade", "century")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# the parse role of the trigger word, in a few classes
DEPS = {"ROOT": "root", "conj": "conj", "nsubj": "subject", "nsubjpass": "subject",
        "dobj": "object", "pobj": "object", "attr": "object", "appos": "object",
        "xcomp": "clause", "ccomp": "clause", "advcl": "clause", "acl": "clause",
        "relcl": "clause", "pcomp": "clause", "amod": "modifier", "compound": "modifier",
        "nmod": "modifier", "poss": "modifier"}
# a sentence that only says what the relations are ("X–Y relations refers to …",
# "relations are cold, stemming from …") hangs on one of these
DESCRIBING_ROOTS = frozenset({"be", "refer", "remain", "have", "maintain", "date", "stem",
                              "share", "describe", "characterize", "characterise", "vary"})
RELATION_WORDS = frozenset({"relation", "relationship", "tie", "contact", "link", "history"})
# "during the Korean War", "after the Meiji Restoration": a time the sentence is set in
TIME_PREPS = frozenset({"during", "after", "before", "since", "following", "until", "amid",
                        "throughout", "in"})


def names() -> list[str]:
    """Every feature's name, in the order the model's weights are stored."""
    out = [f"how={h}" for h in HOWS] + [f"status={s}" for s in STATUSES]
    out += [f"kind={k}" for k in KINDS] + [f"precision={p}" for p in PRECISIONS]
    out += [f"type={t}" for t in TYPES] + [f"dep={d}" for d in sorted(set(DEPS.values()))]
    out += ["noun", "depth", "negated", "own_date", "no_date", "first_sentence", "lead",
            "news", "has_pair", "pair_both", "pair_one", "pair_none", "three_states",
            "overlap", "no_recipient", "several_actors", "unborn", "describing",
            "relation_noun", "triggers", "length", "person_side", "specificity", "named_event",
            "time_prep"]
    return out


def event_features(sentence: AnnotatedSentence, ev: FoundEvent,
                   triggers: int) -> dict[str, float]:
    """The features of ``ev`` found in ``sentence`` (``triggers``: how many it has)."""
    t = ev.trigger
    f: dict[str, float] = {f"how={ev.how}": 1.0, f"status={t.status}": 1.0,
                           f"kind={sentence.sentence.kind}": 1.0,
                           f"precision={ev.date.precision}": 1.0,
                           f"type={cameo(t.cameo).plover_type}": 1.0}
    if dep := DEPS.get(t.dep):
        f[f"dep={dep}"] = 1.0
    span = sentence.span
    root = span.root
    # a date the sentence does not write itself is inherited ("narrative", "section")
    own = ev.date.start is not None and ev.date.modifier not in ("narrative", "section")
    countries = [e.country for e in ev.actors + ev.recipients if e.country]
    gazetteer = sentence.context.gazetteer
    pair = {gazetteer.state_today(c) or c for c in sentence.context.pair_codes}
    in_pair = {c for c in countries if (gazetteer.state_today(c) or c) in pair}
    f.update({
        "noun": float(t.pos == "noun"),
        "depth": min(t.depth, 4) / 4,
        "negated": float(t.negated),
        "own_date": float(own),
        "no_date": float(ev.date.start is None and ev.date.end is None),
        "first_sentence": float(sentence.sentence.index <= 1),
        "lead": float(not sentence.sentence.section),
        "news": float(sentence.context.published is not None),
        "has_pair": float(bool(pair)),
        "pair_both": float(len(in_pair) >= 2),
        "pair_one": float(len(in_pair) == 1),
        "pair_none": float(bool(pair) and not in_pair),
        "three_states": float(len(set(countries)) >= 3),
        "overlap": float(bool({e.country for e in ev.actors if e.country}
                              & {e.country for e in ev.recipients if e.country})),
        "no_recipient": float(not ev.recipients),
        "several_actors": float(len(ev.actors) > 1),
        "unborn": float(any(not gazetteer.existed(c, ev.date.start) for c in countries)),
        "describing": float(root.lemma_.lower() in DESCRIBING_ROOTS
                            and t.i != root.i - span.start),
        "relation_noun": float(t.lemma in RELATION_WORDS),
        "triggers": min(triggers, 8) / 8,
        "length": min(len(span), 80) / 80,
        "person_side": float(any(e.kind == "person" for e in ev.actors + ev.recipients)),
        "specificity": min(t.specificity, 4) / 4,
        # a capitalised noun is a named event ("the Korean War", "the Treaty of Kars"): told
        # as history or as a frame, seldom the act the sentence reports
        "named_event": float(t.pos == "noun" and t.text[:1].isupper() and t.i > 0),
        "time_prep": float(t.pos == "noun" and span[t.i].head.dep_ == "prep"
                           and span[t.i].head.lower_ in TIME_PREPS),
    })
    return f


FACT_KINDS = ("diplomatic_relations", "recognition", "embassy", "consulate", "ambassador",
              "treaty", "membership", "accreditation")


def fact_names() -> list[str]:
    """Every fact feature's name, in the order the fact model's weights are stored."""
    return ([f"kind={k}" for k in FACT_KINDS] + [f"status={s}" for s in STATUSES]
            + ["infobox", "person", "place", "dated", "ended", "pair_both", "pair_one",
               "state_object", "list_item", "news"])


def fact_features(fact: FoundFact, context: DocumentContext,
                  sentence: AnnotatedSentence | None) -> dict[str, float]:
    """The features of a found fact (``sentence`` None: from the infobox)."""
    g = context.gazetteer
    pair = {g.state_today(c) or c for c in context.pair_codes}
    sides = {g.state_today(c) or c for c in (fact.subject.country, fact.object.country) if c}
    in_pair = sides & pair
    return {
        f"kind={fact.kind}": 1.0, f"status={fact.status}": 1.0,
        "infobox": float(sentence is None),
        "person": float(fact.person is not None),
        "place": float(bool(fact.place)),
        "dated": float(fact.valid.start is not None),
        "ended": float(fact.valid.end is not None),
        "pair_both": float(len(in_pair) >= 2),
        "pair_one": float(len(in_pair) == 1),
        "state_object": float(fact.object.kind == "state"),
        "list_item": float(sentence is not None and sentence.sentence.kind == "list_item"),
        "news": float(sentence is not None and sentence.context.published is not None),
    }
