"""The JSON API against a real `dyad serve` process: queries, filters, pagination, errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from dyad.kb import KnowledgeBase
from tests.web.conftest import Server


def get(server: Server, path: str, **params: Any) -> httpx.Response:
    with server.client() as client:
        return client.get(path, params=params)


def countries(event: dict[str, Any]) -> set[str]:
    return {e.get("country") for e in event["actors"] + event["recipients"]}


def test_openapi_lists_every_endpoint(reader: Server) -> None:
    spec = get(reader, "/openapi.json").json()
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
            "/api/facts", "/api/dyads", "/api/dyads/{a}/{b}/timeline", "/api/dyads/{a}/{b}/series",
            "/api/search"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"]
    assert not any(path.startswith("/dyads") for path in spec["paths"])  # pages are not the API


def test_dyads_lists_the_pairs_with_names(reader: Server) -> None:
    body = get(reader, "/api/dyads").json()
    pairs = {(r["a"], r["b"]): r for r in body["items"]}
    assert ("KEN", "NOR") in pairs and ("BOL", "PER") in pairs
    assert pairs[("KEN", "NOR")]["a_name"] == "Kenya"
    assert pairs[("KEN", "NOR")]["events"] >= 5
    assert body["next"] is None


@pytest.mark.parametrize("dyad", ["KEN-NOR", "Kenya,Norway", "norway-kenya"])
def test_events_of_a_dyad_by_names_or_codes(reader: Server, dyad: str) -> None:
    body = get(reader, "/api/events", dyad=dyad).json()
    assert body["items"], body
    for event in body["items"]:
        assert event["record"] == "event"
        assert {"KEN", "NOR"} <= countries(event) or countries(event) <= {"KEN", "NOR", None}
    with KnowledgeBase.open(str(reader.db)) as kb:
        assert [e["id"] for e in body["items"]] == [e["id"] for e in kb.events(dyad="KEN-NOR")]


def test_event_filters(reader: Server) -> None:
    accused = get(reader, "/api/events", dyad="KEN-NOR", type="ACCUSE").json()["items"]
    assert accused and all(e["event_type"] == "ACCUSE" for e in accused)
    early = get(reader, "/api/events", country="Norway", to="1970").json()["items"]
    assert early and all(e["date"]["start"] <= "1970" for e in early)
    news = get(reader, "/api/events", document="news-bol-per-2").json()["items"]
    assert news and all(e["evidence"]["document"] == "news-bol-per-2" for e in news)


def test_pages_of_events_follow_next_until_the_end(reader: Server) -> None:
    everything = get(reader, "/api/events", limit=1000).json()["items"]
    assert len(everything) > 3
    seen, url = [], "/api/events?limit=2"
    with reader.client() as client:
        while url:
            response = client.get(url)
            body = response.json()
            assert body["limit"] == 2 and len(body["items"]) <= 2
            if body["next"]:
                assert response.headers["link"] == f'<{body["next"]}>; rel="next"'
            seen += [e["id"] for e in body["items"]]
            url = body["next"]
    assert seen == [e["id"] for e in everything]


def test_documents_and_their_references(reader: Server) -> None:
    docs = get(reader, "/api/documents").json()["items"]
    page = next(d for d in docs if d["title"] == "Kenya–Norway relations")
    assert page["record"] == "document" and page["ingested_at"]
    assert get(reader, f"/api/documents/{page['id']}").json()["id"] == page["id"]
    refs = get(reader, f"/api/documents/{page['id']}/references").json()["items"]
    assert {r["title"] for r in refs} >= {"Fisheries pact signed", "Leaders meet in Oslo"}
    second = get(reader, "/api/documents", limit=1, offset=1).json()
    assert second["items"] == docs[1:2] and second["offset"] == 1


def test_one_event_and_one_fact_by_id(reader: Server) -> None:
    event = get(reader, "/api/events", dyad="KEN-NOR", limit=1).json()["items"][0]
    assert get(reader, f"/api/events/{event['id']}").json() == event
    fact = get(reader, "/api/facts", dyad="KEN-NOR", kind="embassy").json()["items"][0]
    assert fact["kind"] == "embassy"
    assert get(reader, f"/api/facts/{fact['id']}").json()["id"] == fact["id"]


def test_timeline_and_series_of_a_pair(reader: Server) -> None:
    timeline = get(reader, "/api/dyads/Kenya/Norway/timeline").json()["items"]
    assert {r["record"] for r in timeline} == {"event", "fact"}
    assert get(reader, "/api/dyads/KEN/NOR/timeline").json()["items"] == timeline
    series = get(reader, "/api/dyads/KEN/NOR/series").json()["items"]
    assert {"1963", "1989", "1990"} <= {row["period"] for row in series}
    by_month = get(reader, "/api/dyads/KEN/NOR/series", by="month").json()["items"]
    assert "1989-05" in {row["period"] for row in by_month}


def test_search_finds_sentences_with_their_document(reader: Server) -> None:
    hits = get(reader, "/api/search", q="fisheries agreement").json()["items"]
    assert hits and "fisheries" in hits[0]["text"].lower()
    assert hits[0]["title"] == "Kenya–Norway relations"
    assert get(reader, "/api/search", q='"water accord"').json()["items"] == []
    assert get(reader, "/api/search", q="Titicaca").json()["items"][0]["document"] == \
        "news-bol-per-1"


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/api/dyads/Atlantis/Norway/timeline", {}, 404, "Atlantis"),
        ("/api/dyads/KEN/Narnia/series", {}, 404, "Narnia"),
        ("/api/events", {"dyad": "Atlantis-Norway"}, 422, "Atlantis"),
        ("/api/events", {"dyad": "Kenya"}, 422, "two countries"),
        ("/api/events", {"from": "1990-13"}, 422, "from"),
        ("/api/events", {"to": "last year"}, 422, "to"),
        ("/api/events", {"limit": 0}, 422, "limit"),
        ("/api/events", {"limit": 1001}, 422, "limit"),
        ("/api/facts", {"offset": -1}, 422, "offset"),
        ("/api/dyads/KEN/NOR/series", {"by": "decade"}, 422, "by"),
        ("/api/search", {}, 422, "q"),
        ("/api/search", {"q": "?!"}, 422, "word"),
        ("/api/events/no-such-event", {}, 404, "no-such-event"),
        ("/api/facts/nope", {}, 404, "nope"),
        ("/api/documents/nope", {}, 404, "nope"),
        ("/api/documents/nope/references", {}, 404, "nope"),
        ("/api/nowhere", {}, 404, "/api/nowhere"),
    ],
)
def test_bad_requests_answer_a_json_error(reader: Server, path: str, params: dict[str, Any],
                                          status: int, says: str) -> None:
    response = get(reader, path, **params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and says in body["error"]


def test_a_method_not_allowed_names_the_allowed_ones(reader: Server) -> None:
    with reader.client() as client:
        response = client.delete("/api/documents")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert "DELETE" in response.json()["error"]


def test_answers_carry_protective_headers(reader: Server) -> None:
    response = get(reader, "/api/dyads")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]
