"""Uploads: the body's format, multipart forms, and POST /api/documents against a real
server — the token, the size limit, bad content answered with a JSON 4xx."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from dyad.web.responses import WebError
from dyad.web.upload import format_of, pairs_of, parse_upload, read_documents
from tests.web import documents
from tests.web.conftest import TOKEN, UPLOAD_LIMIT, Server

# -- the body -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [(None, None), ("text/plain; charset=utf-8", None), ("text/html", "html"),
     ("application/x-wikitext", "wikitext"), ("text/x-wiki", "wikitext"),
     ("application/jsonl", "jsonl"), ("application/x-ndjson", "jsonl"),
     ("Application/JSON", "jsonl"), ("application/octet-stream", None)],
)
def test_content_type_names_the_reader(content_type: str | None, expected: str | None) -> None:
    assert format_of(content_type) == expected


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "video/mp4"])
def test_a_content_type_no_reader_takes_is_415(content_type: str) -> None:
    with pytest.raises(WebError) as caught:
        format_of(content_type)
    assert caught.value.status == 415 and content_type in caught.value.message


def multipart(**parts: object) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it (built by httpx)."""
    files = {k: v for k, v in parts.items() if isinstance(v, tuple)}
    data = {k: v for k, v in parts.items() if not isinstance(v, tuple)}
    request = httpx.Request("POST", "http://x/", files=files, data=data)
    return request.read(), request.headers["content-type"]


def test_a_form_with_a_file_and_fields() -> None:
    body, content_type = multipart(
        file=("kenya-norway.txt", documents.RELATIONS_PAGE.encode(), "text/plain"),
        title="A title", date="2024-05-01", url="https://example.org/page")
    upload = parse_upload(body, content_type, {})
    assert upload.name == "kenya-norway.txt"
    assert upload.data.decode() == documents.RELATIONS_PAGE
    assert upload.fields == {"title": "A title", "date": "2024-05-01",
                             "url": "https://example.org/page"}


@pytest.mark.parametrize("with_empty_file", [True, False])
def test_a_form_with_pasted_text_and_a_format(with_empty_file: bool) -> None:
    # a browser sends an empty file part when no file was chosen; without files, httpx
    # (like a plain HTML form) sends the fields urlencoded
    extra = {"file": ("", b"", "application/octet-stream")} if with_empty_file else {}
    body, content_type = multipart(text=documents.UPLOAD_ARTICLE, format="text", **extra)
    upload = parse_upload(body, content_type, {})
    assert upload.data.decode() == documents.UPLOAD_ARTICLE and upload.input_format == "text"


def test_a_file_named_jsonl_is_read_as_json_lines() -> None:
    body, content_type = multipart(file=("feed.jsonl", documents.NEWS_JSONL.encode(),
                                         "application/octet-stream"))
    docs, skipped = read_documents(parse_upload(body, content_type, {}))
    assert [d.id for d in docs] == ["news-bol-per-1", "news-bol-per-2"] and not skipped


@pytest.mark.parametrize(
    ("body", "content_type", "params", "status", "says"),
    [
        (b"", "text/plain", {}, 400, "empty"),
        (b"  \n ", "text/plain", {}, 400, "empty"),
        (b"Some text.", "multipart/form-data", {}, 400, "boundary"),
        (b"Kenya thanked Norway.", "text/plain", {"date": "May 2020"}, 422, "date"),
        (b"Kenya thanked Norway.", "text/plain", {"url": "javascript:alert(1)"}, 422, "url"),
        (b"Kenya thanked Norway.", "text/plain", {"format": "pdf"}, 422, "format"),
    ],
)
def test_bad_uploads_are_refused(body: bytes, content_type: str, params: dict[str, str],
                                 status: int, says: str) -> None:
    with pytest.raises(WebError) as caught:
        parse_upload(body, content_type, params)
    assert caught.value.status == status and says in caught.value.message


def test_an_empty_form_is_refused() -> None:
    body, content_type = multipart(title="Only a title")
    with pytest.raises(WebError) as caught:
        parse_upload(body, content_type, {})
    assert caught.value.status == 400 and "no document" in caught.value.message


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([{"record": "event", "actors": [{"country": "NOR"}], "recipients": [{"country": "KEN"}]}],
         [("KEN", "NOR")]),
        ([{"record": "event", "actors": [{"country": "KEN"}, {"country": "NOR"}],
           "recipients": []}], []),
        ([{"record": "fact", "subject": {"country": "PER"}, "object": {"country": "BOL"}}],
         [("BOL", "PER")]),
        ([{"record": "event", "actors": [{"country": None}], "recipients": [{"country": "KEN"}]},
          {"record": "document"}], []),
    ],
)
def test_pairs_of_records(records: list[dict[str, object]],
                          expected: list[tuple[str, str]]) -> None:
    assert pairs_of(records) == expected


# -- POST /api/documents on a real server ----------------------------------------------------


@pytest.fixture
def client(writer: Server) -> Iterator[httpx.Client]:
    with writer.client() as c:
        yield c


def post(client: httpx.Client, body: bytes | str, content_type: str = "text/plain",
         token: str | None = TOKEN, **params: str) -> httpx.Response:
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/api/documents", content=body, headers=headers, params=params)


def test_uploads_are_off_without_a_token(reader: Server) -> None:
    with reader.client() as c:
        response = post(c, documents.UPLOAD_ARTICLE, token="anything")
    assert response.status_code == 403
    assert "--token" in response.json()["error"]


@pytest.mark.parametrize(("authorization", "says"), [
    (None, "Bearer"), ("Bearer wrong", "wrong token"), ("Basic dXNlcjpwYXNz", "Bearer"),
    ("Bearer", "Bearer"), (f"Bearer {TOKEN}x", "wrong token")])
def test_a_missing_or_wrong_token_is_401(client: httpx.Client, authorization: str | None,
                                         says: str) -> None:
    headers = {"Content-Type": "text/plain"}
    if authorization is not None:
        headers["Authorization"] = authorization
    response = client.post("/api/documents", content=documents.UPLOAD_ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert says in response.json()["error"]


def test_an_article_is_stored_and_its_pair_named(client: httpx.Client) -> None:
    response = post(client, documents.UPLOAD_ARTICLE, title="Ghana and Japan trade",
                    date="2018-04-05")
    assert response.status_code == 201, response.text
    body = response.json()
    [stored] = body["documents"]
    assert stored["status"] == "added" and stored["events"] >= 1
    assert response.headers["location"] == f"/api/documents/{stored['document']}"
    assert {"a": "GHA", "b": "JPN", "a_name": "Ghana", "b_name": "Japan",
            "page": "/dyads/GHA/JPN"} in body["dyads"]
    document = client.get(response.headers["location"]).json()
    assert document["title"] == "Ghana and Japan trade" and document["date"] == "2018-04-05"
    events = client.get("/api/events", params={"dyad": "Ghana-Japan"}).json()["items"]
    assert any(e["evidence"]["document"] == stored["document"] for e in events)
    again = post(client, documents.UPLOAD_ARTICLE, title="Ghana and Japan trade",
                 date="2018-04-05")
    assert again.status_code == 200 and again.json()["documents"][0]["status"] == "unchanged"


def test_a_multipart_file_upload(client: httpx.Client) -> None:
    text = documents.UPLOAD_ARTICLE.replace("Ghana", "Senegal")
    response = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                           files={"file": ("senegal-japan.txt", text.encode(), "text/plain")},
                           data={"title": "Senegal and Japan"})
    assert response.status_code == 201, response.text
    assert ("JPN", "SEN") in {(p["a"], p["b"]) for p in response.json()["dyads"]}


def test_json_lines_store_each_document_and_report_bad_lines(client: httpx.Client) -> None:
    feed = (json.dumps({"id": "news-web-1", "date": "2023-09-01",
                        "text": "Chile and Argentina signed a border agreement on Friday."})
            + "\n{not json\n"
            + json.dumps({"id": "news-web-2", "text": "Argentina accused Chile of spying."})
            + "\n")
    response = post(client, feed, "application/x-ndjson")
    assert response.status_code == 201, response.text
    body = response.json()
    assert [d["document"] for d in body["documents"]] == ["news-web-1", "news-web-2"]
    assert len(body["skipped"]) == 1 and "line 2" in body["skipped"][0]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", 415, "image/png"),
        (b"\x00\x01\x02\x03 not text", "text/plain", 422, "binary"),
        (b"Caf\xe9 talks in Nairobi.", "text/plain", 422, "not UTF-8"),
        (b"", "text/plain", 400, "empty"),
        (b"{oops", "application/jsonl", 422, "not a document"),
        (b'{"id": 1, "text": ""}', "application/jsonl", 422, "empty"),
    ],
)
def test_bad_content_is_a_json_4xx(client: httpx.Client, body: bytes, content_type: str,
                                   status: int, says: str) -> None:
    response = post(client, body, content_type)
    assert response.status_code == status, response.text
    assert says in response.json()["error"]


def test_a_body_over_the_limit_is_413(client: httpx.Client) -> None:
    big = ("Kenya and Norway held talks. " * (UPLOAD_LIMIT // 20)).encode()
    assert len(big) > UPLOAD_LIMIT
    response = post(client, big)
    assert response.status_code == 413
    assert f"{UPLOAD_LIMIT:,}" in response.json()["error"]


def test_a_chunked_body_over_the_limit_is_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the server counts as it reads
        for _ in range(UPLOAD_LIMIT // 1000 + 2):
            yield b"x" * 1000

    response = client.post("/api/documents", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}",
                                    "Content-Type": "text/plain"})
    assert response.status_code == 413


def test_uploads_and_reads_at_once(writer: Server) -> None:
    """Uploads extract one at a time in the thread pool; reads go on meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{a} and {b} signed a trade agreement on 4 June 2016."
             for a, b in (("Austria", "Chile"), ("Austria", "Mexico"))]

    def upload(text: str) -> int:
        with writer.client() as c:
            return post(c, text).status_code

    def read(_: int) -> int:
        with writer.client() as c:
            return c.get("/api/events", params={"dyad": "KEN-NOR"}).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        uploads = [pool.submit(upload, t) for t in texts]
        reads = list(pool.map(read, range(20)))
        assert [u.result() for u in uploads] == [201, 201]
    assert reads == [200] * 20
    with writer.client() as c:
        dyads = {(r["a"], r["b"]) for r in c.get("/api/dyads").json()["items"]}
    assert {("AUT", "CHL"), ("AUT", "MEX")} <= dyads
