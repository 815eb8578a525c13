"""The learned decision over the rules' candidates (sentences written for these tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from dyad.annotate.pipeline import annotate
from dyad.extract.decide import Scorer, decide, load_scorer, two_states
from dyad.extract.events import find_events
from dyad.extract.features import event_features, names
from dyad.model import Document, Sentence

ROOT = Path(__file__).resolve().parents[2]


def _sentence(text: str, title: str | None = "Chile–Kenya relations"):
    doc = Document(id="t", title=title, format="text", text=text, date=None,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    return annotate(doc).sentences[0]


def test_the_shipped_model_scores_every_feature_the_code_makes() -> None:
    scorer = load_scorer()
    assert set(scorer.weights) == set(names())
    assert 0 < scorer.threshold < 1


def test_features_are_named_and_bounded() -> None:
    s = _sentence("In March 1994 Chile granted Kenya a loan of $20 million.")
    found = list(find_events(s))
    assert found and all(two_states(ev) for ev in found)
    feats = event_features(s, found[0], len(found))
    assert set(feats) <= set(names())
    assert all(0.0 <= v <= 1.0 for v in feats.values())
    assert feats["own_date"] == 1.0 and feats["pair_both"] == 1.0 and feats["unborn"] == 0.0


def test_a_state_that_did_not_exist_yet_is_flagged() -> None:
    # South Sudan was born in 2011
    s = _sentence("In 1995 Kenya sent aid to South Sudan.", title=None)
    found = [ev for ev in find_events(s) if two_states(ev)]
    assert found and event_features(s, found[0], 1)["unborn"] == 1.0


def test_decide_drops_what_the_model_rejects_and_keeps_one_state_events() -> None:
    s = _sentence("Chile granted Kenya a loan. Students protested.")
    found = list(find_events(s))
    never = Scorer({}, bias=-5.0, threshold=0.5)  # p ≈ 0.007 for everything
    always = Scorer({}, bias=5.0, threshold=0.5)
    assert [ev for ev in decide(s, found, never) if two_states(ev)] == []
    kept = decide(s, found, always)
    assert [ev.confidence for ev in kept if two_states(ev)] == [0.99]
    assert [ev for ev in decide(s, found, never) if not two_states(ev)] == \
        [ev for ev in found if not two_states(ev)]


def _training_script():
    spec = importlib.util.spec_from_file_location(
        "train_event_scorer", ROOT / "scripts" / "train_event_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fit_separates_what_a_feature_separates() -> None:
    train = _training_script()
    x = np.array([[1.0, 0.0]] * 20 + [[0.0, 1.0]] * 20)
    y = np.array([1.0] * 18 + [0.0] * 2 + [0.0] * 18 + [1.0] * 2)
    w, b = train.fit(x, y, l2=0.1)
    p = train.predict(x, w, b)
    assert p[:20].mean() == pytest.approx(0.9, abs=0.03)
    assert p[20:].mean() == pytest.approx(0.1, abs=0.03)
    # no randomness: the same data gives the same weights
    assert np.array_equal(w, train.fit(x, y, l2=0.1)[0])


def test_facts_take_the_fact_models_probability() -> None:
    from dyad.annotate.pipeline import document_context
    from dyad.extract.decide import FACT_MODEL_FILE, score_fact
    from dyad.extract.features import fact_features, fact_names
    from dyad.extract.found import FoundFact, unknown

    assert set(load_scorer(FACT_MODEL_FILE).weights) == set(fact_names())
    ctx = document_context(("CHL", "KEN"))
    chile, kenya = ctx.pair
    fact = FoundFact("embassy", chile, kenya, unknown(), "asserted",
                     place={"name": "Nairobi", "country": "KEN"}, confidence=0.5)
    feats = fact_features(fact, ctx, None)
    assert feats["infobox"] == 1.0 and feats["pair_both"] == 1.0 and feats["place"] == 1.0
    assert score_fact(fact, ctx, scorer=Scorer({}, bias=5.0, threshold=0.0)).confidence \
        == 0.99
    assert 0 < score_fact(fact, ctx).confidence <= 1
