"""Headless Chromium under selenium, for the browser tests and benchmarks: one set of flags,
a throwaway profile, and ``INSTALLED`` false where Chromium or chromedriver is missing."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver


def _first(*candidates: str | None) -> str | None:
    return next((p for p in candidates if p and Path(p).exists()), None)


CHROMIUM = _first(shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"),
                  shutil.which("google-chrome"))
CHROMEDRIVER = _first(shutil.which("chromedriver"), "/usr/bin/chromedriver")
INSTALLED = CHROMIUM is not None and CHROMEDRIVER is not None
NOT_INSTALLED = ("headless Chromium and chromedriver are needed (Debian packages chromium and "
                 "chromium-driver)")
# quiet and offline: no updates, sync or first-run pages in the middle of a measurement
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


@contextmanager
def headless_chromium(window: str = "1200,900", *,
                      browser_log: bool = False) -> Iterator[WebDriver]:
    """A headless Chromium driver with its own profile, quit and removed afterwards;
    ``browser_log`` keeps the console for ``driver.get_log("browser")``."""
    from selenium import webdriver

    if not INSTALLED:
        raise RuntimeError(NOT_INSTALLED)
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={window}")
    profile = tempfile.mkdtemp(prefix="dyad-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = CHROMIUM
    if browser_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
