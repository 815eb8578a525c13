"""The `dyad` command as a user runs it: a real process, real files."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.faults import MARKER, fault_env

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "burkina_faso-russia.txt"


def dyad(*args: str, stdin: str | None = None,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyad", *args], capture_output=True, text=True, input=stdin,
        cwd=ROOT, timeout=300, env=env,
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
    # the document record comes first and counts the sentences that `dyad parse` prints
    parsed = json.loads(dyad("parse", str(EXAMPLE), "--format", "json").stdout)
    assert records[0]["record"] == "document"
    assert records[0]["sentences"] == len(parsed["sentences"]) > 0


def test_extract_min_confidence_leaves_out_the_less_sure() -> None:
    def scored(out: str) -> list[float]:
        rows = [json.loads(line) for line in out.splitlines()]
        return [r["confidence"] for r in rows if r["record"] in ("event", "fact")]

    every = scored(dyad("extract", str(EXAMPLE), "--format", "jsonl").stdout)
    sure = dyad("extract", str(EXAMPLE), "--format", "jsonl", "--min-confidence", "0.8")
    assert sure.returncode == 0
    assert sorted(scored(sure.stdout)) == sorted(c for c in every if c >= 0.8)
    assert 0 < len(scored(sure.stdout)) < len(every)
    assert '"record": "document"' in sure.stdout  # documents and references stay


def test_extract_csv_and_bad_input(tmp_path: Path) -> None:
    out = dyad("extract", str(EXAMPLE), "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith("id,event_type,cameo")
    missing = dyad("extract", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


# written for these tests: a folder of short relations pages
FOLDER_PAGES = {
    "a.txt": "Chile–Kenya relations\n\nChile and Kenya established diplomatic relations on "
             "3 May 1964. In March 2015 Kenya opened an embassy in Santiago.\n",
    "b.txt": "Peru–Ghana relations\n\nGhana recalled its ambassador from Lima in 2021 after "
             "a dispute over fishing. Peru protested.\n",
    "c.jsonl": '{"id": "n1", "text": "Norway pledged $20 million to Mali in 2012.", '
               '"date": "2012-05-01"}\nnot json\n'
               '{"id": "n2", "text": "Mali expelled two Norwegian diplomats in 2022."}\n',
    "d.txt": "Japan–Fiji relations\n\nJapan sent 300 tonnes of rice to Fiji in 2016.\n",
}


@pytest.mark.parametrize("out_format", ["jsonl", "json", "csv"])
def test_extract_jobs_2_prints_what_jobs_1_prints(tmp_path: Path, out_format: str) -> None:
    for name, text in FOLDER_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "e.bin").write_bytes(b"\x00\x01binary")
    one = dyad("extract", str(tmp_path), "--format", out_format)
    two = dyad("extract", str(tmp_path), "--format", out_format, "--jobs", "2")
    assert one.stdout == two.stdout and one.stdout.count("\n") > 5
    for run in (one, two):
        # the bad line and the binary file: one line each, exit 2, the rest still extracted
        assert run.returncode == 2
        assert [line.split(":")[0] for line in run.stderr.splitlines()] == ["dyad", "dyad"]
        assert "c.jsonl: line 2" in run.stderr and "e.bin" in run.stderr
        assert "Traceback" not in run.stderr


# written for these tests: the middle page holds the fault marker
FAILING_FOLDER = {
    "a.txt": FOLDER_PAGES["a.txt"],
    "b.txt": "Peru–Ghana relations\n\nGhana recalled its ambassador from Lima in 2021. "
             f"Peru and Ghana signed the {MARKER} fishing accord in 2023.\n",
    "c.txt": FOLDER_PAGES["d.txt"],
}


def _records_by_document(stdout: str) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for record in map(json.loads, stdout.splitlines()):
        doc = record["id"] if record["record"] == "document" else (
            record.get("evidence") or {}).get("document") or record.get("document")
        by_doc.setdefault(doc, []).append(record)
    return by_doc


def test_extract_a_failing_document_is_one_line_and_the_rest_still_extracted(
        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FAILING_FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = fault_env(tmp_path / "site")
    one = dyad("extract", str(folder), env=env)
    two = dyad("extract", str(folder), "--jobs", "2", env=env)
    assert one.stdout == two.stdout and one.stderr == two.stderr
    by_doc = _records_by_document(one.stdout)
    titles = {recs[0]["title"]: recs for recs in by_doc.values()}
    assert set(titles) == {"Chile–Kenya relations", "Peru–Ghana relations",
                           "Japan–Fiji relations"}
    # the first and third documents whole: what a run without the fault prints for them
    clean = dyad("extract", str(folder / "a.txt"), str(folder / "c.txt"))
    assert clean.returncode == 0, clean.stderr
    assert [r for d in ("Chile–Kenya relations", "Japan–Fiji relations")
            for r in titles[d]] == [json.loads(line) for line in clean.stdout.splitlines()]
    # the failing one: what came out before the fault, and the line says how much
    failed = titles["Peru–Ghana relations"]
    assert any(r["record"] == "event" for r in failed)
    assert one.returncode == 2
    [line] = one.stderr.splitlines()
    assert line == (f"dyad: {folder / 'b.txt'}: document {failed[0]['id']}: could not be "
                    f"extracted (ValueError: injected fault); the output has its first "
                    f"{len(failed)} records, not the rest")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_a_broken_data_file_stops_the_run(tmp_path: Path, jobs: str) -> None:
    # dyad's own data failing would fail every later document too: one line, then stop
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FAILING_FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = dyad("extract", str(folder), "--jobs", jobs, env=fault_env(tmp_path / "site",
                                                                     "DataError"))
    assert run.returncode == 2 and run.stderr == "dyad: injected fault\n"
    titles = [r["title"] for r in map(json.loads, run.stdout.splitlines())
              if r["record"] == "document"]
    assert titles == ["Chile–Kenya relations", "Peru–Ghana relations"]


def test_extract_ctrl_c_stops_workers_cleanly(tmp_path: Path) -> None:
    page = FOLDER_PAGES["a.txt"].replace("\n\n", "\n\n" + "Kenya thanked Chile. " * 400 + "\n\n")
    for n in range(6):
        (tmp_path / f"p{n}.txt").write_text(page, encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "dyad", "extract", "--jobs", "2", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,  # a group of its own, as a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # not ignored
    assert run.stdout is not None
    run.stdout.readline()  # workers are up and extracting
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C at a terminal reaches the whole group
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("dyad: ")
    assert not _live_processes_in_group(run.pid)


def _live_processes_in_group(group: int) -> list[str]:
    """Processes of the group that are not zombies waiting to be reaped, after they had
    a moment to exit (the multiprocessing resource tracker leaves after its parent)."""
    for _ in range(60):
        ps = subprocess.run(["ps", "-o", "stat=,cmd=", "-g", str(group)], capture_output=True,
                            text=True).stdout.splitlines()
        live = [line for line in ps if not line.lstrip().startswith("Z")]
        if not live:
            return []
        time.sleep(0.5)
    return live
