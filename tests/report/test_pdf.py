"""Printing the report to PDF with headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyad.errors import DyadError
from dyad.report.dossier import Dossier
from dyad.report.html import render_html
from dyad.report.pdf import find_chromium, print_pdf


@pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("google-chrome") is None,
                    reason="headless Chromium is needed (apt-get install chromium)")
def test_prints_a_pdf(tmp_path: Path, dossier: Dossier) -> None:
    html = tmp_path / "report.html"
    html.write_text(render_html(dossier), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"stale")  # an old file must not pass for a fresh print
    print_pdf(html, pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000


def test_no_chromium_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DYAD_CHROMIUM", raising=False)
    with pytest.raises(DyadError, match="--pdf needs Chromium"):
        find_chromium()


def test_named_chromium_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DYAD_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(DyadError, match="DYAD_CHROMIUM"):
        find_chromium()


def test_a_failing_browser_is_one_clear_error(tmp_path: Path, dossier: Dossier) -> None:
    html = tmp_path / "report.html"
    html.write_text(render_html(dossier), encoding="utf-8")
    with pytest.raises(DyadError, match=r"could not print report\.html"):
        print_pdf(html, tmp_path / "report.pdf", chromium=shutil.which("false") or "/bin/false")
