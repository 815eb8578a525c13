"""The learned decision on top of the rules: is a found two-state event really an event
between those states, and how sure is that?

The rules propose candidates (``find_events``); a logistic model over
``features.event_features`` gives each candidate naming two or more states the
probability that a careful analyst would accept it (type, sides and date). Candidates
below the model's threshold are dropped; the rest take the probability as their
confidence. The weights, the threshold and the held-apart figures they were chosen
on live in ``dyad/data/model/event_scorer.json``, written by
``scripts/train_event_scorer.py``. Events naming one state are not scored: the data
has no judgement on them, so they keep the rules' confidence. Facts get their confidence
the same way from ``fact_scorer.json`` (``features.fact_features``), with no threshold.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from dyad.annotate.pipeline import AnnotatedSentence, DocumentContext
from dyad.errors import DataError
from dyad.extract.events import FoundEvent
from dyad.extract.features import event_features, fact_features
from dyad.extract.found import FoundFact

MODEL_FILE = "event_scorer.json"
FACT_MODEL_FILE = "fact_scorer.json"


@dataclass(frozen=True, slots=True)
class Scorer:
    """A logistic model over named features: the events' or the facts'."""
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))

    @classmethod
    def from_dict(cls, data: dict) -> Scorer:
        return cls(dict(zip(data["features"], data["weights"], strict=True)),
                   float(data["bias"]), float(data["threshold"]))


@cache
def load_scorer(name: str = MODEL_FILE) -> Scorer:
    """A shipped model (read once): the events' or, by name, the facts'."""
    try:
        text = (resources.files("dyad") / "data" / "model" / name).read_text("utf-8")
        return Scorer.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError) as e:
        raise DataError(f"dyad/data/model/{name} is missing or broken ({e})") from e


def two_states(ev: FoundEvent) -> bool:
    return len({e.country for e in ev.actors + ev.recipients if e.country}) >= 2


def decide(sentence: AnnotatedSentence, found: list[FoundEvent],
           scorer: Scorer | None = None) -> list[FoundEvent]:
    """The candidates the model accepts, each with its probability as confidence."""
    scorer = scorer or load_scorer()
    kept = []
    for ev in found:
        if not two_states(ev):
            kept.append(ev)
            continue
        p = scorer.probability(event_features(sentence, ev, len(found)))
        if p >= scorer.threshold:
            kept.append(replace(ev, confidence=round(p, 2)))
    return kept


def score_fact(fact: FoundFact, context: DocumentContext,
               sentence: AnnotatedSentence | None = None,
               scorer: Scorer | None = None) -> FoundFact:
    """``fact`` with the fact model's probability as its confidence. Facts are not dropped:
    held apart, the few wrong ones were not told apart from the right by any threshold
    that kept recall (scripts/train_event_scorer.py)."""
    scorer = scorer or load_scorer(FACT_MODEL_FILE)
    p = scorer.probability(fact_features(fact, context, sentence))
    return replace(fact, confidence=round(p, 2))
