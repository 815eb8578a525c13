"""The web pages as served (HTML read back over HTTP): content, links, escaping, policies."""

from __future__ import annotations

import re
from html import unescape

import httpx
import pytest

from dyad.report.dossier import Side, assemble
from dyad.report.html import content_security_policy
from dyad.web.pages import live_dossier_html
from tests.report import records
from tests.report.records import HOSTILE
from tests.web.conftest import Server


def fetch(server: Server, path: str, **params: str) -> httpx.Response:
    with server.client() as client:
        return client.get(path, params=params)


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_home_has_search_the_dyads_and_the_map(reader: Server) -> None:
    response = fetch(reader, "/")
    assert response.status_code == 200
    html = response.text
    assert 'action="/search"' in html and 'name="q"' in html
    assert 'href="/dyads/KEN/NOR"' in html and 'href="/dyads/BOL/PER"' in html
    assert 'class="world"' in html
    # the states with records are shaded and link to their dyads
    assert re.search(r'<a href="/\?country=KEN#dyads"><path class="land has s\d"', html)
    assert re.search(r'<path class="land" data-code="FRA"', html)
    assert "3 documents" in text_of(html)


def test_home_filters_the_dyads_by_a_state(reader: Server) -> None:
    html = fetch(reader, "/", country="Kenya").text
    assert 'href="/dyads/KEN/NOR"' in html and 'href="/dyads/BOL/PER"' not in html
    assert "Dyads of Kenya" in html


def test_the_pair_form_goes_to_the_dyad_page(reader: Server) -> None:
    with reader.client(follow_redirects=False) as client:
        response = client.get("/dyad", params={"a": "Norway", "b": "kenya"})
    assert response.status_code == 303 and response.headers["location"] == "/dyads/NOR/KEN"


def test_the_dyad_page_is_the_live_dossier(reader: Server) -> None:
    response = fetch(reader, "/dyads/Kenya/Norway")
    assert response.status_code == 200
    html = response.text
    assert 'class="locator"' in html and 'id="tl"' in html and 'id="dyad-timeline"' in html
    assert "Fisheries pact signed" in html  # a reference of the page
    events = re.findall(r'<li id="ev-([0-9a-f]+)"', html)
    facts = re.findall(r'<li id="fact-([0-9a-f]+)"', html)
    assert events and facts
    for event_id in events:  # every event and fact links to its own page
        assert f'href="/events/{event_id}">event page</a>' in html
    for fact_id in facts:
        assert f'href="/facts/{fact_id}">fact page</a>' in html
    # the site's bar: home, this pair, the pair without predecessor states, its JSON
    bar = re.search(r'<nav class="toc site-links">(.*?)</nav>', html)
    assert bar and html.index(bar.group(0)) < html.index('<header class="top">')
    assert re.findall(r'<a href="([^"]+)">', bar.group(1)) == [
        "/", "/dyads/KEN/NOR", "/dyads/KEN/NOR?strict=true", "/api/dyads/KEN/NOR/timeline"]
    strict = fetch(reader, "/dyads/KEN/NOR", strict="true").text
    assert '<a href="/dyads/KEN/NOR">with predecessor states</a>' in strict
    # the report's policy travels as a header too, so its inline script may run
    policy = response.headers["content-security-policy"]
    assert policy == content_security_policy() + "; frame-ancestors 'none'"
    assert f'content="{content_security_policy()}"' in html


def test_the_dyad_pages_hooks_escape_what_they_carry() -> None:
    d = assemble(Side("CHL", HOSTILE), Side("PER", "Peru"), records.all_records())
    html, _ = live_dossier_html(d)
    bar = html[html.index('<nav class="toc site-links">'):html.index('<header class="top">')]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; – Peru</a>" in bar
    assert "<script>" not in bar
    d.facts[0].id = "f/1 ?#&"
    html, _ = live_dossier_html(d)
    assert '<a class="tag permalink" href="/facts/f%2F1%20%3F%23%26">fact page</a>' in html


@pytest.mark.parametrize(("path", "says"), [("/dyads/Atlantis/Norway", "Atlantis"),
                                            ("/dyads/KEN/Kenya", "two different states"),
                                            ("/events/nope", "no event"),
                                            ("/facts/nope", "no fact"),
                                            ("/documents/nope", "no document"),
                                            ("/nowhere", "no such page")])
def test_a_missing_page_is_a_404_page(reader: Server, path: str, says: str) -> None:
    response = fetch(reader, path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert says in text_of(response.text)


def test_the_event_page_shows_evidence_and_reference(reader: Server) -> None:
    with reader.client() as client:
        [event] = [e for e in client.get("/api/events", params={"dyad": "KEN-NOR"}).json()["items"]
                   if "fisheries" in e["evidence"]["text"] and e["event_type"] == "CONSULT"]
        html = client.get(f"/events/{event['id']}").text
    text = text_of(html)
    assert event["evidence"]["text"] in text
    assert "History" in text and "Kenya–Norway relations" in text  # section and document
    assert f'href="/documents/{event["evidence"]["document"]}#s-' in html
    # the cited reference with its parsed fields
    assert "Fisheries pact signed" in text and "Nordic Review" in text
    assert 'href="https://example.org/nordic/fisheries-pact"' in html
    assert f'href="/api/events/{event["id"]}"' in html
    # the report's footnotes and document links land on this page; no link to itself
    ids = set(re.findall(r' id="([^"]+)"', html))
    anchors = re.findall(r'href="#([^"]+)"', html)
    assert any(a.startswith("ref-") for a in anchors) and set(anchors) <= ids
    assert "permalink" not in html


def test_the_fact_page(reader: Server) -> None:
    with reader.client() as client:
        fact = client.get("/api/facts", params={"dyad": "KEN-NOR", "kind": "embassy"}).json()
        html = client.get(f"/facts/{fact['items'][0]['id']}").text
    assert "embassy" in html and "Norwegian mission opens in Nairobi" in text_of(html)


def test_the_document_page_lists_its_records(reader: Server) -> None:
    with reader.client() as client:
        docs = client.get("/api/documents").json()["items"]
        page = next(d for d in docs if d["title"] == "Kenya–Norway relations")
        html = client.get(f"/documents/{page['id']}").text
    assert "Kenya–Norway relations" in html
    assert re.search(r'<a href="/events/[0-9a-f]+">ACCUSE</a>', html)
    assert "A Quarrel on the Equator" in html


def test_search_page_escapes_what_it_shows(reader: Server) -> None:
    html = fetch(reader, "/search", q='fisheries <script>alert("x")</script>').text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    html = fetch(reader, "/search", q="Titicaca").text
    assert "Lake Titicaca" in html and 'href="/documents/news-bol-per-1#s-0"' in html


def test_upload_page_without_a_token_says_uploads_are_off(reader: Server,
                                                          writer: Server) -> None:
    off = fetch(reader, "/upload").text
    assert 'id="uploads-off"' in off and "<fieldset disabled>" in off
    on = fetch(writer, "/upload")
    assert 'id="uploads-off"' not in on.text and 'name="token"' in on.text
    policy = on.headers["content-security-policy"]
    assert "connect-src 'self'" in policy and "script-src 'sha256-" in policy


def test_a_less_sure_record_has_its_own_page(tmp_path) -> None:
    from dyad.kb import KnowledgeBase
    from dyad.web.pages import record_page

    rec = records.event("ev-unsure", "ASSAULT", 4, -10.0, records.when("1991"),
                        "Chile attacked Peru in 1991.", 2)
    rec["confidence"] = 0.3  # set apart in a dossier, but a page of its own all the same
    with KnowledgeBase.open(str(tmp_path / "kb.db")) as kb:
        response = record_page(kb, rec)
    assert response.status_code == 200
    assert "Chile attacked Peru in 1991." in response.body.decode()
