"""The site as a person uses it, in a real headless Chromium: the home page's dyads and map,
the dyad page's map and timeline, an event's evidence and reference, an upload."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.chromium import INSTALLED, NOT_INSTALLED, headless_chromium
from tests.web.conftest import TOKEN, Server
from tests.web.png import colour_profile

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 30


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not INSTALLED:
        pytest.skip(NOT_INSTALLED)
    with headless_chromium("1280,1000") as driver:
        driver.set_page_load_timeout(WAIT)
        yield driver


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], Any]) -> Any:
    return WebDriverWait(driver, WAIT).until(condition)


def test_home_shows_the_dyads_and_the_map(browser: WebDriver, reader: Server) -> None:
    d = browser
    d.get(reader.url + "/")
    links = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#dyad-list a")]
    assert "Kenya – Norway" in links and "Bolivia – Peru" in links
    world = d.find_element(By.CSS_SELECTOR, "svg.world")
    assert world.is_displayed() and world.size["width"] > 600 and world.size["height"] > 250
    shaded = d.find_elements(By.CSS_SELECTOR, "svg.world .land.has")
    assert {s.get_attribute("data-code") for s in shaded} == {"KEN", "NOR", "BOL", "PER"}
    kenya = d.find_element(By.CSS_SELECTOR, 'svg.world [data-code="KEN"]')
    assert kenya.value_of_css_property("fill") != "rgb(224, 224, 224)"  # not the no-records grey


def test_dyad_page_map_timeline_and_an_events_evidence(browser: WebDriver, reader: Server) -> None:
    with reader.client() as client:
        [event] = [e for e in client.get("/api/events", params={"dyad": "KEN-NOR"}).json()["items"]
                   if e["event_type"] == "CONSULT" and "fisheries" in e["evidence"]["text"]]
    d = browser
    d.get(reader.url + "/dyads/Kenya/Norway")
    # the map: both states drawn in their colours
    locator = d.find_element(By.CSS_SELECTOR, "svg.locator")
    assert locator.is_displayed()
    assert d.find_elements(By.CSS_SELECTOR, "svg.locator .side-a")
    assert d.find_elements(By.CSS_SELECTOR, "svg.locator .side-b")
    # the timeline: its script drew a mark per dated event
    marks = wait_for(d, lambda drv: drv.find_elements(By.CSS_SELECTOR, "#tl .mark"))
    assert len(marks) >= 5
    mark = d.find_element(By.CSS_SELECTOR, f'#tl .mark[data-id="{event["id"]}"]')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    detail = d.find_element(By.ID, "tl-detail")
    wait_for(d, lambda drv: event["evidence"]["text"] in detail.text)
    assert "CONSULT" in detail.text
    # its footnote leads to the reference
    note = detail.find_element(By.CSS_SELECTOR, "sup.fn a")
    target = note.get_attribute("href").rsplit("#", 1)[1]
    note.click()
    reference = d.find_element(By.ID, target)
    assert "Fisheries pact signed" in reference.text and "Nordic Review" in reference.text
    # and the event's own page: evidence, section, document, parsed reference fields
    d.find_element(By.CSS_SELECTOR, "#tl-detail a.permalink").click()
    wait_for(d, lambda drv: drv.current_url.endswith(f"/events/{event['id']}"))
    evidence = d.find_element(By.ID, "evidence").text
    assert event["evidence"]["text"] in evidence
    assert "Kenya–Norway relations" in evidence and "History" in evidence
    references = d.find_element(By.ID, "references").text
    assert "Fisheries pact signed" in references and "1989-05-20" in references


@pytest.mark.parametrize("path", ["/", "/dyads/KEN/NOR"])
def test_a_screenshot_is_not_an_empty_page(browser: WebDriver, reader: Server, path: str) -> None:
    d = browser
    d.get(reader.url + path)
    if path.startswith("/dyads"):
        wait_for(d, lambda drv: drv.find_elements(By.CSS_SELECTOR, "#tl .mark"))
    colours, inked = colour_profile(d.get_screenshot_as_png())
    assert colours >= 40, f"{colours} colours: the page looks empty"
    assert inked >= 0.08, f"only {inked:.1%} of the page is not white"


def test_an_upload_in_the_browser_adds_its_dyad(browser: WebDriver, writer: Server) -> None:
    d = browser
    d.get(writer.url + "/upload")
    d.find_element(By.ID, "text").send_keys(
        "Iceland and Portugal signed a fisheries agreement in Lisbon on 9 May 2017. "
        "Portugal accused Iceland of overfishing in 2020.")
    d.find_element(By.ID, "title").send_keys("Iceland and Portugal at sea")
    d.find_element(By.ID, "token").send_keys("not-the-token")
    d.find_element(By.ID, "send").click()
    result = d.find_element(By.ID, "upload-result")
    wait_for(d, lambda drv: result.get_attribute("data-status"))
    assert result.get_attribute("data-status") == "401" and "wrong token" in result.text

    token = d.find_element(By.ID, "token")
    token.clear()
    token.send_keys(TOKEN)
    d.find_element(By.ID, "send").click()
    wait_for(d, lambda drv: result.get_attribute("data-status") == "201")
    assert "added" in result.text
    pair = result.find_element(By.CSS_SELECTOR, "#upload-dyads a")
    assert pair.text == "Iceland – Portugal"
    d.get(writer.url + "/")
    links = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#dyad-list a")]
    assert "Iceland – Portugal" in links
