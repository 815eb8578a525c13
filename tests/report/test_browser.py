"""The report in a real browser: headless Chromium through chromedriver."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.report.dossier import Dossier, Side, assemble
from dyad.report.html import render_html
from tests.chromium import INSTALLED, NOT_INSTALLED, headless_chromium
from tests.report import records

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.skipif(not INSTALLED, reason=NOT_INSTALLED)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with headless_chromium(browser_log=True) as driver:
        yield driver


def errors(browser: object) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_timeline_marks_and_click_shows_evidence(browser: object, tmp_path: Path,
                                                 dossier: Dossier) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    browser.get(path.as_uri())
    assert errors(browser) == []
    marks = browser.find_elements(By.CSS_SELECTOR, "#tl .mark")
    dated = [i for i in dossier.events if i.span]
    assert sorted(m.get_attribute("data-id") for m in marks) == sorted(i.id for i in dated)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#tl .mark.claim")) == 2

    treaty = next(i for i in dossier.events if i.id == "ev-treaty")
    browser.find_element(By.CSS_SELECTOR, '#tl .mark[data-id="ev-treaty"]').click()
    detail = browser.find_element(By.ID, "tl-detail")
    assert treaty.tellings[0].text in detail.text
    entry = browser.find_element(By.ID, "ev-ev-treaty")
    assert "selected" in entry.get_attribute("class")
    detail.find_element(By.CSS_SELECTOR, "a.jump").click()
    assert browser.execute_script("return location.hash") == "#ev-ev-treaty"
    assert errors(browser) == []


def test_filters_and_zoom(browser: object, tmp_path: Path, dossier: Dossier) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    browser.get(path.as_uri())

    def marks() -> list[str]:
        return [m.get_attribute("data-id")
                for m in browser.find_elements(By.CSS_SELECTOR, "#tl .mark")]

    everything = marks()
    browser.find_element(By.CSS_SELECTOR, 'input[data-quad="4"]').click()
    assert "ev-war" not in marks() and len(marks()) == len(everything) - 1
    assert not browser.find_element(By.ID, "ev-ev-war").is_displayed()
    browser.find_element(By.CSS_SELECTOR, 'input[data-quad="4"]').click()
    browser.find_element(By.ID, "tl-asserted").click()
    assert set(marks()) == set(everything) - {"ev-fish", "ev-aid"}
    browser.find_element(By.ID, "tl-asserted").click()

    for _ in range(3):
        browser.find_element(By.ID, "tl-in").click()
    assert len(marks()) < len(everything)  # 1879 to 2019 no longer fits in the view
    browser.find_element(By.ID, "tl-reset").click()
    assert sorted(marks()) == sorted(everything)
    assert errors(browser) == []


def test_hostile_prose_renders_as_text(browser: object, tmp_path: Path) -> None:
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), records.hostile_records())
    path = tmp_path / "hostile.html"
    path.write_text(render_html(d), encoding="utf-8")
    browser.get(path.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    body = browser.find_element(By.TAG_NAME, "body").text
    assert records.HOSTILE in body
    assert browser.execute_script("return document.scripts.length") == 2
    assert errors(browser) == []
