"""Event scorer: a tiny fixture written for this test, and the real data when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.annotate.nlp import load_nlp
from dyad.errors import DataError
from dyad.evaluate.events import (
    CONFLIBERT_PATH,
    GSR_PATH,
    evaluate_events,
    load_conflibert,
    load_gsr,
    score_conflibert,
    score_gsr,
)
from tests.conftest import DATA, need_shared


def _fixture(tmp_path: Path) -> Path:
    (tmp_path / "plover").mkdir()
    (tmp_path / "conflibert-cameo-train").mkdir()
    gsr = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "docs"},
        {"id": "a", "event": "FIGHT", "text": "Rebels shelled the capital overnight."},
        {"id": "b", "event": "DISAPPROVE",
         "text": "The minister condemned the decision of the court."},
        {"id": "c", "event": "CONSULT", "text": "The foreign ministers held talks in Geneva."},
    ]
    (tmp_path / GSR_PATH).write_text(json.dumps(gsr), encoding="utf-8")
    rows = ["Rebels shelled the capital overnight.\t4",
            "The spokesman said the weather was mild.\t0",
            "Japan granted a loan to Laos.\t2"]
    (tmp_path / CONFLIBERT_PATH).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_gsr_rename_and_document_skipped(tmp_path: Path) -> None:
    records = load_gsr(_fixture(tmp_path) / GSR_PATH)
    assert [r["event"] for r in records] == ["ASSAULT", "ACCUSE", "CONSULT"]


def test_scores_on_fixture(tmp_path: Path) -> None:
    data = _fixture(tmp_path)
    nlp = load_nlp()
    gsr = score_gsr(load_gsr(data / GSR_PATH), nlp)
    assert (gsr.n, gsr.correct) == (3, 3)
    conf = score_conflibert(load_conflibert(data / CONFLIBERT_PATH), nlp)
    assert (conf.n, conf.correct) == (3, 3)
    result = evaluate_events(data)
    assert result["plover_gsr"]["accuracy"] == 1.0


def test_dyad_hook(tmp_path: Path) -> None:
    data = _fixture(tmp_path)
    score = score_gsr(load_gsr(data / GSR_PATH), load_nlp(),
                      dyad_scorer=lambda rec, span, main: rec["id"] == "a" or None)
    assert score.to_dict()["dyad_accuracy"] == 1.0 and score.dyad_n == 1


def test_missing_data_is_a_dyad_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        evaluate_events(tmp_path)


def test_real_data() -> None:
    data = need_shared(DATA / GSR_PATH).parent.parent
    need_shared(data / CONFLIBERT_PATH)
    result = evaluate_events(data, limit=60)
    assert result["plover_gsr"]["n"] == 60
    assert result["plover_gsr"]["accuracy"] > 0.5
    assert result["conflibert_quad"]["accuracy"] > 0.5
