"""The TempEval-3 scorer on a tiny TimeML file, and on the real training data when present."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.errors import DataError
from dyad.evaluate.time import evaluate, read_tml
from tests.conftest import DATA, ROOT, need_shared

NEWS = ROOT / "tests" / "data" / "news_timeml"
HOLDOUT = ROOT / "tests" / "data" / "news_timeml_holdout"  # written after tuning

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
<TEXT>
The committee <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> &amp; agreed to meet again in <TIMEX3 tid="t2" value="2001-06" type="DATE">June</TIMEX3>. Members have argued for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3> about <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">the present</TIMEX3> plan.
</TEXT>
</TimeML>
"""


def write(tmp_path, text=TML):
    path = tmp_path / "doc.tml"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_tml(tmp_path):
    doc = read_tml(write(tmp_path))
    assert doc.dct == "2001-05-04"
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("Thursday", "2001-05-03"), ("June", "2001-06"), ("two years", "P2Y"),
        ("the present", "PRESENT_REF")]  # fmt: skip
    assert "& agreed" in doc.text


def test_scores(tmp_path):
    write(tmp_path)
    result = evaluate(tmp_path, errors=True)
    assert result["docs"] == 1 and result["gold"] == 4
    # "the present plan" is an adjective for dyad: one miss, nothing else wrong
    assert result["system"] == 3
    assert result["strict_p"] == 1.0 and result["strict_r"] == 0.75
    assert result["value_f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75, abs=1e-4)
    assert [e["kind"] for e in result["errors"]] == ["miss"]


def test_relaxed_counts_overlap_but_not_strict(tmp_path):
    gold = TML.replace('<TIMEX3 tid="t3" type="DURATION" value="P2Y">two years',
                       'two <TIMEX3 tid="t3" type="DURATION" value="PXY">years')
    write(tmp_path, gold)
    result = evaluate(tmp_path)
    assert result["relaxed_r"] == 0.75 and result["strict_r"] == 0.5
    assert result["value_r"] == 0.5  # P2Y is not PXY


def test_missing_data_is_a_dyad_error(tmp_path):
    with pytest.raises(DataError):
        evaluate(tmp_path / "nowhere")
    result = CliRunner().invoke(cli, ["eval", "time", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code != 0


def test_cli_json(tmp_path):
    write(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "time", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert set(line) == {"strict_f1", "relaxed_f1", "value_f1", "docs"}


def test_training_data():
    data = need_shared(DATA / "tempeval3-train")
    result = evaluate(data)
    assert result["docs"] > 200
    assert result["relaxed_f1"] > 0.85
    assert result["value_f1"] >= 0.8


def test_own_news_set():
    """News items written for dyad, with hand-made gold: weekdays, relative and absolute dates."""
    result = evaluate(NEWS)
    assert result["docs"] >= 8 and result["gold"] >= 80
    assert result["value_f1"] >= 0.8
    held = evaluate(HOLDOUT)
    assert held["gold"] >= 20 and held["value_f1"] >= 0.8


def test_cli_errors_lists_each_error_with_its_sentence(tmp_path):
    write(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "time", "--data", str(tmp_path), "--errors"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("miss") and "'the present'=PRESENT_REF" in first
    assert "[the present] plan" in first
