"""`dyad annotate` as a user runs it: a real process, own sentences, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"

NEWS = {
    "id": "n1",
    "title": "Chile–Peru relations",
    "date": "2020-01-02",  # a Thursday
    "text": "Chile's foreign minister met the President of Peru in Lima on Tuesday. "
    "The two countries will sign a fisheries pact next month. "
    "In 1965 Russia sent a trade mission to Santiago.",
}


def dyad(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyad", *args], capture_output=True, text=True, input=stdin,
        cwd=ROOT, timeout=300,
    )


def annotate_news() -> dict:
    out = dyad("annotate", "-", "--input-format", "jsonl", "--format", "jsonl",
               stdin=json.dumps(NEWS, ensure_ascii=False) + "\n")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_sentences_carry_actors_and_times_with_document_offsets() -> None:
    doc = annotate_news()
    assert doc["pair"] == ["CHL", "PER"] and doc["date"] == "2020-01-02"
    first, second, third = doc["sentences"]
    text = NEWS["text"]
    for s in doc["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        for item in s["actors"] + s["times"]:
            assert text[item["start"] : item["end"]] == item.get("text") or item["text"] in text
    people = [(a["country"], a["role"]) for a in first["actors"] if a["kind"] == "person"]
    assert ("CHL", "foreign minister") in people and ("PER", "president") in people
    assert any(a["text"] == "Lima" and a["place"] for a in first["actors"])
    (tuesday,) = first["times"]
    assert text[tuesday["start"] : tuesday["end"]] == "Tuesday"
    assert tuesday["value"] == "2019-12-31" and tuesday["when"]["precision"] == "day"
    # "the two countries" is the title's pair; "next month" looks ahead from the date
    assert {a["country"] for a in second["actors"]} == {"CHL", "PER"}
    assert [t["value"] for t in second["times"]] == ["2020-02"]
    # a 1965 "Russia" is the Soviet Union: actors are coded as of the sentence's date
    assert third["date"] == "1965"
    assert next(a["country"] for a in third["actors"] if a["kind"] == "state") == "SUN"


def test_entity_fields_are_the_contracts_plus_span_and_confidence() -> None:
    doc = annotate_news()
    actor = doc["sentences"][0]["actors"][0]
    assert {"name", "text", "kind", "country", "sector", "role", "start", "end",
            "confidence"} <= set(actor)
    time = doc["sentences"][0]["times"][0]
    assert set(time["when"]) == {"start", "end", "precision", "modifier", "text"}


def test_json_is_one_indented_object_per_document() -> None:
    out = dyad("annotate", str(EXAMPLE), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("{\n  ")
    doc = json.loads(out.stdout)
    assert doc["title"] == "Burkina Faso–Russia relations" and doc["pair"] == ["BFA", "RUS"]
    assert any(s["actors"] for s in doc["sentences"]) and any(s["times"] for s in doc["sentences"])


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "none.txt"
    out = dyad("annotate", str(path))
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "no such file" in lines[0] and str(path) in lines[0]
    assert "Traceback" not in out.stderr


def test_folder_with_one_bad_file_exits_2_but_prints_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Chile and Kenya signed an accord in 2004.",
                                       encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x00\x00")
    out = dyad("annotate", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 2
    (line,) = out.stdout.strip().splitlines()
    assert json.loads(line)["sentences"][0]["times"][0]["value"] == "2004"
    assert "bad.bin" in out.stderr and "Traceback" not in out.stderr
