"""Printing a report page to PDF with headless Chromium, offline and with a throwaway profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dyad.errors import DyadError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 120


def find_chromium() -> str:
    """The Chromium to print with: $DYAD_CHROMIUM, else the first browser on PATH."""
    named = os.environ.get("DYAD_CHROMIUM")
    if named:
        found = shutil.which(named)
        if not found:
            raise DyadError(f"DYAD_CHROMIUM={named} is not an executable Chromium")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise DyadError("--pdf needs Chromium, and none is installed (apt-get install chromium, "
                    "or set DYAD_CHROMIUM to its path)")


def print_pdf(html_path: str | Path, pdf_path: str | Path, *, chromium: str | None = None,
              timeout: float = TIMEOUT_S) -> None:
    """Print a local HTML file to ``pdf_path``; DyadError when Chromium fails."""
    browser = chromium or find_chromium()
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path).resolve()
    pdf_path.unlink(missing_ok=True)  # an old file must not pass for a fresh print
    with tempfile.TemporaryDirectory(prefix="dyad-chromium-") as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired as e:
            raise DyadError(f"Chromium did not print {html_path.name} within {timeout:g} s") from e
        except OSError as e:
            raise DyadError(f"cannot run {browser}: {e.strerror}") from e
    if done.returncode != 0 or not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise DyadError(f"Chromium could not print {html_path.name} (exit {done.returncode}: "
                        f"{last})")
