"""Event scorer: a tiny fixture written for this test, and the real data when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import DataError
from dyad.evaluate.events import (
    CONFLIBERT_PATH,
    GSR_PATH,
    GsrItem,
    evaluate_events,
    false_alarms,
    gsr_items,
    load_conflibert,
    load_gsr,
    score_conflibert,
    score_gsr,
    sides_correct,
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
        {"id": "d", "event": "AID", "text": "Norway sent food to Peru on Monday.",
         "source": [{"actorText": "Norway", "code": "NOR"}],
         "target": [{"actorText": "Peru", "code": "PER"}]},
        {"id": "e", "event": "DISAPPROVE", "text": "Peru criticized Norway on Monday.",
         "source": [{"actorText": "Norway", "code": "NOR"}],
         "target": [{"actorText": "Peru", "code": "PER"}]},
    ]
    (tmp_path / GSR_PATH).write_text(json.dumps(gsr), encoding="utf-8")
    rows = ["Rebels shelled the capital overnight.\t4",
            "The spokesman said the weather was mild.\t0",
            "Japan granted a loan to Laos.\t2"]
    (tmp_path / CONFLIBERT_PATH).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_gsr_rename_and_document_skipped(tmp_path: Path) -> None:
    records = load_gsr(_fixture(tmp_path) / GSR_PATH)
    assert [r["event"] for r in records] == ["ASSAULT", "ACCUSE", "CONSULT", "AID", "ACCUSE"]


def test_scores_on_fixture(tmp_path: Path) -> None:
    data = _fixture(tmp_path)
    gsr = score_gsr(load_gsr(data / GSR_PATH))
    assert (gsr.n, gsr.correct) == (5, 5)
    # d has its sides right; e is written the other way round (a swap); a–c have no countries
    assert (gsr.dyad_n, gsr.dyad_correct) == (2, 1)
    conf = score_conflibert(load_conflibert(data / CONFLIBERT_PATH))
    assert (conf.n, conf.correct) == (3, 3)
    result = evaluate_events(data)
    assert result["plover_gsr"]["accuracy"] == 1.0
    assert result["plover_gsr"]["dyad_accuracy"] == 0.5
    assert result["plover_gsr_even"]["n"] + result["plover_gsr_odd"]["n"] == 5


def _item(gold: str, types: list[str]) -> GsrItem:
    return GsrItem("x", "text", gold, None, [], [], [], [], None, None, types)


def test_false_alarms_count_types_the_gold_does_not_have() -> None:
    result = false_alarms([_item("AID", ["AID"]), _item("AID", ["AID", "ASSAULT"]),
                           _item("ACCUSE", ["ASSAULT"]), _item("CONSULT", [])])
    assert (result["n"], result["with_false_alarm"]) == (4, 2)
    assert result["per_type"]["ASSAULT"] == {"sentences": 2, "false_alarms": 2,
                                             "precision": 0.0}
    assert result["per_type"]["AID"] == {"sentences": 2, "false_alarms": 0, "precision": 1.0}


def test_false_alarms_on_fixture(tmp_path: Path) -> None:
    result = evaluate_events(_fixture(tmp_path))["plover_gsr_false_alarms"]
    assert result["n"] == 5
    # d: Norway sent food to Peru, one event of the gold type
    assert result["per_type"]["AID"]["false_alarms"] == 0


def test_items_carry_dyad_answer(tmp_path: Path) -> None:
    items = {i.id: i for i in gsr_items(load_gsr(_fixture(tmp_path) / GSR_PATH))}
    assert (items["d"].actors, items["d"].recipients, items["d"].dyad_ok) == (["NOR"], ["PER"],
                                                                              True)
    assert items["e"].actors == ["PER"] and items["e"].dyad_ok is False
    assert items["a"].dyad_ok is None


def _actor(code: str) -> dict[str, str]:
    return {"actorText": code, "code": code}


@pytest.mark.parametrize(("source", "target", "markup", "actors", "recipients", "expected"), [
    (["USA"], ["IRQ"], "", ["USA"], ["IRQ"], True),
    (["USA"], ["IRQ"], "", ["IRQ"], ["USA"], False),  # swapped
    (["USA"], ["IRQ"], "", ["USA"], [], False),  # recipient missing
    (["USA"], ["IRQ"], "", ["USA", "IRQ"], ["IRQ"], False),  # target also given as actor
    (["USA"], ["IRQ"], "", ["USA", "GBR"], ["IRQ"], True),  # an extra actor is allowed
    (["JAP"], ["VTN"], "", ["JPN"], ["VNM"], True),  # old CAMEO codes mapped to ISO
    (["IGO"], ["SDN"], "", [None], ["SDN"], True),  # only country codes are scored
    (["IGO"], ["NGO"], "", ["SDN"], [], None),  # no gold country: not scored
    (["HUN", "ROU"], [], "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian)", ["HUN"], ["ROU"], True),
    (["HUN", "ROU"], [], "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian)", ["HUN"], [], False),
])
def test_sides_correct(source: list[str], target: list[str], markup: str, actors: list,
                       recipients: list, expected: bool | None) -> None:
    rec = {"source": [_actor(c) for c in source], "target": [_actor(c) for c in target] or "",
           "textInfo": {"markup": markup}}
    assert sides_correct(rec, actors, recipients) is expected


def test_missing_data_is_a_dyad_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        evaluate_events(tmp_path)


def test_real_data() -> None:
    data = need_shared(DATA / GSR_PATH).parent.parent
    need_shared(data / CONFLIBERT_PATH)
    result = evaluate_events(data, limit=60)
    assert result["plover_gsr"]["n"] == 60
    assert result["plover_gsr"]["accuracy"] > 0.5
    assert result["plover_gsr"]["dyad_n"] > 40 and result["plover_gsr"]["dyad_accuracy"] > 0.3
    assert result["conflibert_quad"]["accuracy"] > 0.5


def test_sides_compared_as_present_day_states() -> None:
    rec = {"source": [_actor("RUS")], "target": [_actor("SRB")], "textInfo": {}}
    assert sides_correct(rec, ["SUN"], ["YUG"]) is True


def test_a_state_that_split_stands_for_its_parts() -> None:
    rec = {"source": [_actor("CZE"), _actor("CHN")], "target": [], "textInfo": {}}
    assert sides_correct(rec, ["CSK", "CHN"], []) is True
    rec = {"source": [_actor("POL")], "target": [], "textInfo": {}}
    assert sides_correct(rec, ["CSK"], []) is False
