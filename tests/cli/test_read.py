"""The `dyad` command as a user runs it: a real process, real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"


def dyad(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyad", *args], capture_output=True, text=True, input=stdin,
        cwd=ROOT, timeout=300,
    )


def test_parse_prints_the_document() -> None:
    out = dyad("parse", str(EXAMPLE), "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["title"] == "Burkina Faso–Russia relations"
    assert {"id", "title", "format", "text", "sections", "sentences", "references"} <= set(doc)
    for s in doc["sentences"]:
        assert doc["text"][s["start"] : s["end"]] == s["text"]


def test_parse_reads_stdin_as_jsonl() -> None:
    out = dyad("parse", "-", "--format", "jsonl", "--input-format", "jsonl",
               stdin='{"id": "n1", "text": "Chile thanked Peru.", "date": "2020-01-02"}\n')
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["date"] == "2020-01-02"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty file"), (b"\x00\x01\xff", "binary file"),
     (b"\xff\xfe\xfa bad", "undecodable")],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    out = dyad("parse", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in out.stderr


def test_folder_with_one_bad_file_exits_2_but_prints_the_good_one(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Chile and Kenya signed an accord.", encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x00\x00")
    out = dyad("parse", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 2
    assert len(out.stdout.strip().splitlines()) == 1
    assert "bad.bin" in out.stderr and "Traceback" not in out.stderr


def test_unknown_option_is_a_usage_error() -> None:
    out = dyad("parse", "--no-such-option", str(EXAMPLE))
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_extract_prints_contract_records_for_the_example() -> None:
    out = dyad("extract", str(EXAMPLE), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = {r["record"] for r in records}
    assert {"document", "reference", "event", "fact"} <= kinds
    relations = [r for r in records if r["record"] == "fact"
                 and r["kind"] == "diplomatic_relations"]
    assert relations and relations[0]["valid"]["start"] == "1967-02-18"


def test_extract_csv_and_bad_input(tmp_path: Path) -> None:
    out = dyad("extract", str(EXAMPLE), "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("id,event_type,cameo")
    missing = dyad("extract", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
