"""The web pages, rendered on the server: home, search, a dyad, an event or fact, a
document, upload.

Every string from a document goes through ``html.escape``; pages carry a
Content-Security-Policy that allows only their own inline style and script
(by hash). The dyad page is the report's dossier (``dyad.report``) rendered
live, through the renderer's hooks for the site's bar and each record's page.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from dyad.errors import DatabaseError, DataError
from dyad.kb import KnowledgeBase
from dyad.report.dossier import Dossier, Side, assemble, build_dossier
from dyad.report.html import (
    content_security_policy,
    event_item_html,
    fact_item_html,
    reference_anchor,
    render_html,
    safe_url,
    sources_html,
)
from dyad.web.responses import MAX_OFFSET, WebError, found_or_404
from dyad.web.style import CSS, UPLOAD_JS
from dyad.web.upload import pairs_of
from dyad.web.worldmap import legend_html, map_codes, world_svg

router = APIRouter(include_in_schema=False)
SEARCH_PAGE = 20
REFERENCE_FIELDS = ("title", "authors", "work", "publisher", "date", "url", "doi", "isbn",
                    "language", "accessed", "archived")


# -- the frame ---------------------------------------------------------------------------

def _hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def _policy(script: str | None) -> str:
    scripts = f"script-src {_hash(script)}; connect-src 'self'" if script else "script-src 'none'"
    return (f"default-src 'none'; img-src data:; style-src {_hash(CSS)}; {scripts}; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def site_bar() -> str:
    return ('<nav class="site"><a class="brand" href="/">dyad</a>'
            '<a href="/#dyads">dyads</a><a href="/upload">upload</a>'
            '<a href="/openapi.json">API</a></nav>')


def page(title: str, body: str, *, script: str | None = None, status: int = 200,
         headers: dict[str, str] | None = None) -> HTMLResponse:
    html = "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>",
        site_bar(), body, "</main>",
        f"<script>{script}</script>" if script else "",
        "</body></html>\n"])
    return HTMLResponse(html, status_code=status,
                        headers={**(headers or {}), "Content-Security-Policy": _policy(script)})


def error_page(status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    body = (f'<div class="error-page"><h1>{status}</h1><p id="error">{escape(message)}</p>'
            '<p><a href="/">Back to the start page</a></p></div>')
    return page(f"{status}: {message[:60]}", body, status=status, headers=headers)


def _kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def _code(kb: KnowledgeBase, name: str) -> str:
    try:
        return kb.country(name)
    except DatabaseError:
        raise
    except DataError as e:
        raise WebError(404, str(e)) from None


def _dyad_href(a: str, b: str) -> str:
    return f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}"


def record_href(kind: str, record_id: str) -> str:
    """The page of an event or a fact (``kind``): the report's link hook."""
    return f"/{kind}s/{quote(record_id, safe='')}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# -- home ------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(request: Request,
         country: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    kb = _kb(request)
    stats = kb.stats()
    rows = kb.dyads()
    shown = rows
    heading = "Dyads"
    if country:
        code = _code(kb, country)
        shown = [r for r in rows if code in (*map_codes(r["a"]), *map_codes(r["b"]), r["a"],
                                             r["b"])]
        from dyad.kb.countries import name_of

        heading = f"Dyads of {name_of(code) or code}"
    intro = (f'<p class="summary">{_plural(stats["documents"], "document")}, '
             f'{_plural(stats["events"], "event")} and {_plural(stats["facts"], "fact")} '
             f'in {escape(request.app.state.kb_label)}.</p>')
    forms = (
        '<form class="inline" action="/search" method="get" role="search">'
        '<input type="search" name="q" id="q" placeholder="Words in a sentence, or a '
        '&quot;phrase&quot;" aria-label="Search the documents" required>'
        '<button type="submit">Search</button></form>'
        '<form class="inline" action="/dyad" method="get">'
        '<input type="text" name="a" placeholder="a state: Mali or MLI" aria-label="First state" '
        'required> – <input type="text" name="b" placeholder="another: Russia" '
        'aria-label="Second state" required><button type="submit">Open the pair</button></form>')
    world = (f'<section id="map"><h2>Relations on the map</h2>{world_svg(rows)}{legend_html()}'
             '<p class="note">A state is shaded by its recorded events: cooperative minus '
             "conflictual, over all; a former state counts for the state that continues it. "
             "Click a state for its dyads.</p></section>")
    if shown:
        table_rows = "".join(_dyad_row(r) for r in shown)
        table = ('<table id="dyad-list"><thead><tr><th>Pair</th><th class="num">Events</th>'
                 '<th class="num">Facts</th><th>First</th><th>Last</th>'
                 '<th class="num">Net cooperation</th><th class="num">Goldstein total</th>'
                 f"</tr></thead><tbody>{table_rows}</tbody></table>")
    elif rows:
        table = '<p class="note" id="dyad-list">No dyads of this state.</p>'
    else:
        table = ('<p class="empty" id="dyad-list">The knowledge base is empty: '
                 '<a href="/upload">upload a document</a> or run <code>dyad ingest</code>.</p>')
    more = ' <a href="/#dyads">all dyads</a>' if country else ""
    dyads = f'<section id="dyads"><h2>{escape(heading)}</h2>{more}{table}</section>'
    return page("dyad: relations between states",
                f"<h1>Relations between states</h1>{intro}{forms}{world}{dyads}")


def _dyad_row(r: dict[str, Any]) -> str:
    names = f"{r.get('a_name') or r['a']} – {r.get('b_name') or r['b']}"
    net = r.get("net_cooperation") or 0
    total = r.get("goldstein_total")
    return (f'<tr><td><a href="{_dyad_href(r["a"], r["b"])}">{escape(names)}</a> '
            f'<span class="muted">{escape(r["a"])}–{escape(r["b"])}</span></td>'
            f'<td class="num">{r.get("events") or 0}</td><td class="num">{r.get("facts") or 0}'
            f'</td><td>{escape(r.get("first") or "")}</td><td>{escape(r.get("last") or "")}</td>'
            f'<td class="num">{"+" if net > 0 else ""}{net}</td>'
            f'<td class="num">{"" if total is None else f"{total:g}"}</td></tr>')


@router.get("/dyad")
def open_pair(request: Request, a: Annotated[str, Query(max_length=200)],
              b: Annotated[str, Query(max_length=200)]) -> Response:
    """The home page's pair form: to the dyad page by codes."""
    kb = _kb(request)
    return RedirectResponse(_dyad_href(_code(kb, a), _code(kb, b)), status_code=303)


# -- search ----------------------------------------------------------------------------------

@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    kb = _kb(request)
    hits = kb.search(q, limit=SEARCH_PAGE + 1, offset=offset)
    more = len(hits) > SEARCH_PAGE
    items = []
    for h in hits[:SEARCH_PAGE]:
        where = escape(h.get("title") or h["document"])
        if h.get("section"):
            where += f" › {escape(h['section'])}"
        items.append(
            f'<li class="item"><blockquote>{escape(h["text"])}</blockquote><p class="where">'
            f'<a href="/documents/{quote(h["document"], safe="")}#s-{h["sentence"]}">{where}</a>'
            f', sentence {h["sentence"] + 1}</p></li>')
    form = ('<form class="inline" action="/search" method="get" role="search">'
            f'<input type="search" name="q" value="{escape(q)}" aria-label="Search" required>'
            '<button type="submit">Search</button></form>')
    pager = []
    if offset:
        back = urlencode({"q": q, "offset": max(0, offset - SEARCH_PAGE)})
        pager.append(f'<a href="/search?{back}">previous</a>')
    if more:
        ahead = urlencode({"q": q, "offset": offset + SEARCH_PAGE})
        pager.append(f'<a rel="next" href="/search?{ahead}">next</a>')
    found = (f'<ol class="items" id="results">{"".join(items)}</ol>' if items
             else f'<p class="empty" id="results">No sentence holds {escape(q)}.</p>')
    body = (f"<h1>Search</h1>{form}{found}"
            f'<p class="pager">{" · ".join(pager)}</p>')
    return page(f"{q}: search", body)


# -- the dyad page -----------------------------------------------------------------------------

def live_dossier_html(d: Dossier, *, strict: bool = False) -> tuple[str, str]:
    """The report page with the site's bar and a link to each event's and fact's own page,
    and the policy to send with it (the report's own, which its inline script needs)."""
    here = _dyad_href(d.a.code, d.b.code)
    site_links = [
        ("dyad", "/"),
        (f"{d.a.name} – {d.b.name}", here),
        ("with predecessor states", here) if strict
        else ("without predecessor states", f"{here}?strict=true"),
        ("JSON", f"/api{here}/timeline"),
    ]
    html = render_html(d, site_links=site_links, record_href=record_href)
    return html, content_security_policy() + "; frame-ancestors 'none'"


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, strict: bool = False,
              min_confidence: float | None = None) -> Response:
    kb = _kb(request)
    code_a, code_b = _code(kb, a), _code(kb, b)
    if code_a == code_b:
        raise WebError(404, f"a dyad is two different states, not {code_a} twice")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise WebError(400, f"min_confidence is from 0 to 1, not {min_confidence:g}")
    dossier = build_dossier(kb, code_a, code_b, strict=strict, source=request.app.state.kb_label,
                            min_confidence=min_confidence)
    html, policy = live_dossier_html(dossier, strict=strict)
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


# -- an event or a fact ----------------------------------------------------------------------

def _record_dossier(kb: KnowledgeBase, record: dict[str, Any]) -> Dossier:
    """A dossier of one record: its tellings, numbered references and documents."""
    tellings = record.get("sources") or [{"evidence": record.get("evidence") or {}}]
    doc_ids = sorted({t["evidence"]["document"] for t in tellings
                      if (t.get("evidence") or {}).get("document")})
    documents = {d: doc for d in doc_ids if (doc := kb.document(d)) is not None}
    return assemble(Side("", ""), Side("", ""), [record],
                    references={d: kb.references(d) for d in doc_ids},
                    documents=documents, series=[])


def record_page(kb: KnowledgeBase, record: dict[str, Any]) -> HTMLResponse:
    d = _record_dossier(kb, record)
    is_event = record.get("record") == "event"
    item = (d.events or d.facts or d.uncertain)[0]  # one record: a less sure one is apart
    kind = record.get("event_type") if is_event else (record.get("kind") or "").replace("_", " ")
    from dyad.kb.countries import name_of

    pairs = "".join(f'<li><a href="{_dyad_href(a, b)}">{escape(name_of(a) or a)} – '
                    f'{escape(name_of(b) or b)}</a></li>' for a, b in pairs_of([record]))
    evidence = []
    for n, t in enumerate(item.tellings, 1):
        cites = ", ".join(f'<a href="#{reference_anchor(k)}">[{k}]</a>'
                          for k in t.notes) or "—"
        doc_link = f'/documents/{quote(t.document, safe="")}#s-{t.sentence}'
        evidence.append(
            f'<li class="telling" id="telling-{n}"><blockquote class="evidence">{escape(t.text)}'
            "</blockquote>"
            f'<dl class="fields"><dt>Document</dt><dd><a href="{doc_link}">'
            f'{escape(t.title or t.document)}</a></dd>'
            f'<dt>Section</dt><dd>{escape(t.section or "—")}</dd>'
            f"<dt>Sentence</dt><dd>{t.sentence + 1} (characters {t.start}–{t.end})</dd>"
            f"<dt>Cites</dt><dd>{cites}</dd></dl></li>")
    refs = []
    for ref in d.references:
        fields = "".join(f"<dt>{escape(k)}</dt><dd>{_field(k, ref.fields[k])}</dd>"
                         for k in REFERENCE_FIELDS if ref.fields.get(k))
        refs.append(f'<li id="{reference_anchor(ref.number)}" class="reference"><p>'
                    '<span class="refnum">'
                    f'[{ref.number}]</span>{escape(ref.fields.get("text") or "")}'
                    f' <span class="muted">— note {escape(ref.label)}</span></p>'
                    f'<dl class="fields">{fields}</dl></li>')
    api = "/api" + record_href("event" if is_event else "fact", record["id"])

    def elsewhere(kind: str, record_id: str) -> str | None:  # no link to this very page
        return None if record_id == record["id"] else record_href(kind, record_id)

    rendered = (event_item_html(item, elsewhere) if is_event
                else fact_item_html(item, record_href=elsewhere))
    body = (
        f'<h1>{escape(kind or "")} <span class="muted">· {escape(item.date_label)}</span></h1>'
        f'<ol class="items">{rendered}</ol>'
        + (f"<h2>Pairs</h2><ul>{pairs}</ul>" if pairs else "")
        + f'<section id="evidence"><h2>Evidence</h2><ol class="items">{"".join(evidence)}'
          "</ol></section>"
        + '<section id="references"><h2>References</h2>'
        + (f'<ol class="reflist">{"".join(refs)}</ol>' if refs
           else '<p class="note">The sentence cites no reference.</p>')
        + "</section>"
        + sources_html(d)
        + f'<details><summary>The record (<a href="{api}">JSON</a>)</summary>'
          f'<pre class="record">{escape(json.dumps(record, ensure_ascii=False, indent=2))}'
          "</pre></details>")
    return page(f"{kind}, {item.date_label}", body)


def _field(key: str, value: Any) -> str:
    if isinstance(value, list):
        return escape("; ".join(str(v) for v in value))
    if key in ("url", "archived"):
        url = safe_url(value)
        if url:
            return f'<a href="{url}" rel="noreferrer">{url}</a>'
    return escape(str(value))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    kb = _kb(request)
    return record_page(kb, found_or_404(kb.event(event_id), "event", event_id))


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: str) -> Response:
    kb = _kb(request)
    return record_page(kb, found_or_404(kb.fact(fact_id), "fact", fact_id))


# -- a document ------------------------------------------------------------------------------

@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    from dyad.report.dossier import date_label

    kb = _kb(request)
    doc = found_or_404(kb.document(doc_id), "document", doc_id)
    url = safe_url(doc.get("url"))
    info = "".join(
        f"<dt>{label}</dt><dd>{value}</dd>" for label, value in (
            ("Source", escape(str(doc.get("source") or "—"))),
            ("Address", f'<a href="{url}" rel="noreferrer">{url}</a>' if url else "—"),
            ("Dated", escape(str(doc.get("date") or "—"))),
            ("Format", escape(str(doc.get("format") or "—"))),
            ("Sentences", escape(str(doc.get("sentences") or 0))),
            ("Ingested", escape(str(doc.get("ingested_at") or ""))),
            ("Id", escape(doc_id))))
    records = kb.events(document=doc_id) + kb.facts(document=doc_id)
    lines, anchored = [], set()
    for r in sorted(records, key=lambda r: (r.get("evidence") or {}).get("sentence") or 0):
        is_event = r.get("record") == "event"
        ev = r.get("evidence") or {}
        sentence = ev.get("sentence", 0)
        anchor = "" if sentence in anchored else f' id="s-{sentence}"'  # ids stay unique
        anchored.add(sentence)
        label = date_label(r.get("date") if is_event else r.get("valid"))
        what = r.get("event_type") if is_event else (r.get("kind") or "").replace("_", " ")
        href = record_href("event" if is_event else "fact", r["id"])
        lines.append(f'<li{anchor}><a href="{href}">'
                     f'{escape(what or "")}</a> <span class="when">{escape(label)}</span> '
                     f'<span class="muted">{escape(ev.get("text") or "")}</span></li>')
    refs = "".join(
        f'<li><span class="refnum">[{escape(str(r.get("label")))}]</span>'
        f'{escape(r.get("text") or "")}</li>' for r in kb.references(doc_id))
    body = (f'<h1>{escape(doc.get("title") or doc_id)}</h1><dl class="fields">{info}</dl>'
            f'<h2>Events and facts ({len(records)})</h2>'
            + (f'<ul id="records">{"".join(lines)}</ul>' if lines
               else '<p class="note">No events or facts were found in this document.</p>')
            + "<h2>References</h2>"
            + (f'<ol class="refs">{refs}</ol>' if refs else '<p class="note">None.</p>'))
    return page(doc.get("title") or doc_id, body)


# -- upload ------------------------------------------------------------------------------------

@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    state = request.app.state
    limit = state.max_upload_bytes
    off = state.token is None
    note = ('<p class="empty" id="uploads-off">Uploads are off: this server was started '
            "without a token (<code>dyad serve --token …</code> or <code>$DYAD_TOKEN</code>)."
            "</p>" if off else "")
    disabled = " disabled" if off else ""
    form = (
        f'<form class="upload" id="upload"><fieldset{disabled}>'
        '<legend>A document: a relations page (text, HTML or wikitext), a news article, '
        "or JSON lines</legend>"
        '<label for="file">File</label><input type="file" id="file" name="file">'
        '<label for="text">or paste</label><textarea id="text" name="text"></textarea>'
        '<label for="title">Title</label><input type="text" id="title" name="title" '
        'placeholder="optional">'
        '<label for="date">Published</label><input type="text" id="date" name="date" '
        'placeholder="YYYY-MM-DD (optional)">'
        '<label for="url">Address</label><input type="text" id="url" name="url" '
        'placeholder="https://… (optional)">'
        '<label for="format">Format</label><select id="format" name="format">'
        '<option value="">sniff it</option><option>page</option><option>wikitext</option>'
        "<option>html</option><option>text</option><option>jsonl</option></select>"
        '<label for="token">Token</label><input type="password" id="token" name="token" '
        'autocomplete="off" required>'
        '<span></span><button type="submit" id="send">Upload and extract</button>'
        "</fieldset></form>")
    body = (f"<h1>Upload a document</h1>{note}"
            f'<p class="note">Up to {limit:,} bytes. The document is read, its events and '
            "facts extracted and stored; the same document twice changes nothing, and a new "
            "version (same title or address) replaces the old one.</p>"
            f'{form}<div class="result" id="upload-result" aria-live="polite"></div>')
    return page("Upload a document", body, script=UPLOAD_JS)
