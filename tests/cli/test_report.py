"""`dyad report` end to end: a page written for this test, ingested into a fresh SQLite
knowledge base, reported by the real command in a real process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from dyad.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]
PAGE = """Chile–Peru relations

From Wikipedia, the free encyclopedia

Chile–Peru relations are the bilateral ties between the Republic of Chile and the Republic of Peru.[1]

History

[edit]

Chile and Peru established diplomatic relations in 1839.[1] Chile opened an embassy in Lima in 1840.[2]

In March 2015 Peru accused Chile of spying on its navy; the note quoted a cable reading <script>alert(1)</script> in full.[3]

In June 2019 Chile sent 20 tonnes of food aid to Peru after floods in the north.[2]

References

[edit]

    1. ^ "Two neighbours". Andes Review. 12 May 2001. Retrieved 3 March 2024.
    2. ^ Rojas, Ana (2019). "Aid across the desert". Pacific Herald. Retrieved 4 March 2024.
    3. ^ "Spy row <b>deepens</b>". Lima Daily. 20 March 2015.
"""


def dyad(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env=env)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("kb")
    page = folder / "chile_peru.txt"
    page.write_text(PAGE, encoding="utf-8")
    path = str(folder / "kb.db")
    out = dyad("ingest", str(page), "--db", path, "--quiet")
    assert out.returncode == 0, out.stderr
    with KnowledgeBase.open(path, create=False) as kb:
        assert kb.stats()["events"] > 0
    return path


def one_line_exit_2(out: subprocess.CompletedProcess[str], message: str) -> None:
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dyad: ") and message in lines[0], out.stderr
    assert "Traceback" not in out.stderr


def test_report_of_an_ingested_page(db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "chile-peru.html"
    out = dyad("report", "Chile", "PER", "-o", str(out_file), "--db", db)
    assert out.returncode == 0, out.stderr
    page = out_file.read_text(encoding="utf-8")
    with KnowledgeBase.open(db) as kb:
        records = kb.timeline("CHL", "PER")
    assert records
    for r in records:
        anchor = ("ev-" if r["record"] == "event" else "fact-") + r["id"]
        assert f'id="{escape(anchor)}"' in page
        assert escape(r["evidence"]["text"]) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert page.count("<script") == 2
    assert re.search(r'class="land side-a" data-code="CHL" d="M', page)
    assert re.search(r'class="land side-b" data-code="PER" d="M', page)
    # footnotes resolve to the parsed reference list
    ids = set(re.findall(r'id="([^"]+)"', page))
    notes = set(re.findall(r'href="#(ref-\d+)"', page))
    assert notes and notes <= ids
    assert "Two neighbours" in page and "Pacific Herald" in page
    assert "Spy row &lt;b&gt;deepens&lt;/b&gt;" in page
    assert "chile_peru.txt" in page  # the document it was built from
    assert "Relations established 1839" in page and "Lima" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Atlantis", "Peru"), "unknown country 'Atlantis'"),
        (("Chile", "Japan"), "no events or facts between Chile and Japan"),
    ],
)
def test_bad_pair_one_line_exit_2(db: str, tmp_path: Path, args: tuple[str, str],
                                  message: str) -> None:
    out_file = tmp_path / "r.html"
    one_line_exit_2(dyad("report", *args, "-o", str(out_file), "--db", db), message)
    assert not out_file.exists()


def test_missing_database(tmp_path: Path) -> None:
    out = dyad("report", "Chile", "Peru", "-o", str(tmp_path / "r.html"),
               "--db", str(tmp_path / "none.db"))
    one_line_exit_2(out, "no knowledge base")
    assert not (tmp_path / "none.db").exists()


def test_missing_output_folder(db: str, tmp_path: Path) -> None:
    out = dyad("report", "Chile", "Peru", "-o", str(tmp_path / "no" / "r.html"), "--db", db)
    one_line_exit_2(out, "does not exist")


def test_pdf_without_chromium(db: str, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}
    env.pop("DYAD_CHROMIUM", None)
    out = dyad("report", "Chile", "Peru", "-o", str(tmp_path / "r.html"), "--db", db, "--pdf",
               env=env)
    one_line_exit_2(out, "--pdf needs Chromium")
    assert not (tmp_path / "r.html").exists()


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="headless Chromium is needed (apt-get install chromium)")
def test_pdf_beside_the_html(db: str, tmp_path: Path) -> None:
    out = dyad("report", "Chile", "Peru", "-o", str(tmp_path / "r.pdf"), "--db", db, "--pdf")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
