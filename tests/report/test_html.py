"""The report page: self-contained, complete, every footnote resolving, document text escaped."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

from dyad.report.dossier import Dossier, Side, assemble
from dyad.report.html import (
    content_security_policy,
    reference_anchor,
    render_html,
    safe_url,
    script_json,
)
from tests.report import records


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each script and style element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: str | None = None
        self._attrs: dict[str, str | None] = {}
        self._buf: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open, self._attrs, self._buf = tag, dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            text = "".join(self._buf)
            if tag == "script":
                self.scripts.append((self._attrs, text))
            else:
                self.styles.append(text)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buf.append(data)

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


@pytest.fixture
def page(dossier: Dossier) -> str:
    return render_html(dossier)


def test_self_contained(page: str) -> None:
    p = Page(page)
    assert not [t for t, _ in p.tags if t in ("link", "iframe", "object", "embed", "img")]
    for tag, attrs in p.tags:
        for name in ("src", "srcset", "poster", "data", "xlink:href", "action"):
            assert attrs.get(name) is None, (tag, name)
        if tag != "a":
            assert not (attrs.get("href") or "").startswith(("http:", "https:", "//")), tag
    assert len(p.scripts) == 2 and all("src" not in a for a, _ in p.scripts)
    code = p.scripts[1][1]
    for call in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource",
                 "sendBeacon", "http://", "https://"):
        if call == "http://":
            # the SVG namespace is a name, not a fetch
            assert code.replace("'http://www.w3.org/2000/svg'", "").count(call) == 0
        else:
            assert call not in code
    assert len(p.styles) == 1 and "url(" not in p.styles[0] and "@import" not in p.styles[0]


def test_policy_allows_only_the_inline_style_and_script(page: str) -> None:
    p = Page(page)
    policy = next(a["content"] for t, a in p.tags
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"'sha256-{digest(p.styles[0])}'" in policy
    assert f"'sha256-{digest(p.scripts[1][1])}'" in policy
    assert policy == content_security_policy()  # what a server sends as a header


def test_map_paths_of_the_pair(page: str) -> None:
    assert re.search(r'<svg class="locator"[^>]*>', page)
    assert re.search(r'class="land side-a" data-code="CHL" d="M\d', page)
    assert re.search(r'class="land side-b" data-code="PER" d="M\d', page)


def test_key_facts(page: str) -> None:
    key = page[page.index('id="key-facts"'):page.index('id="timeline"')]
    assert "Relations established 1839" in key
    assert "Chile recognised Peru, 20 Dec 1822" in key
    for text in ("Lima", "Santiago", "1850", "1879", "1884", "Luis Vera", "Ana Rojas",
                 "Apr 2015", "Jan 2020", "Mar 2021"):
        assert text in key, text
    current = key[key.index(">Current<"):key.index(">Past<")]
    assert "Luis Vera" in current and "Ana Rojas" not in current


def test_every_record_with_its_evidence_and_footnotes(page: str, dossier: Dossier) -> None:
    for item in (*dossier.events, *dossier.facts):
        entry = re.search(rf'<li id="(?:ev|fact)-{re.escape(item.id)}"[^>]*>(.*?)</li>',
                          page, re.S)
        assert entry, item.id
        body = entry.group(1)
        for t in item.tellings:
            assert escape(t.text) in body
            for n in t.notes:
                assert f'href="#ref-{n}"' in body
    assert 'class="status">alleged<' in page and 'class="status">pledged<' in page


def test_every_internal_link_resolves(page: str) -> None:
    p = Page(page)
    ids = p.ids()
    targets = [a["href"][1:] for t, a in p.tags if t == "a" and (a.get("href") or "")[:1] == "#"]
    assert reference_anchor(1) in targets
    assert [t for t in targets if t not in ids] == []


def test_reference_list(page: str) -> None:
    refs = page[page.index('id="references"'):page.index('id="sources"')]
    assert '<a href="https://example.org/border" rel="noreferrer">The border settled</a>' in refs
    assert "Pacific Review" in refs and "(in Spanish)" in refs and "Archived 2010-02-01" in refs
    assert "Notes of the embassy, unnumbered folio." in refs  # no title: the entry as written
    assert "javascript:" not in refs  # a javascript: URL is never a link


def test_sources_say_what_and_when(page: str) -> None:
    sources = page[page.index('id="sources"'):]
    assert "Chile–Peru relations" in sources and "chile_peru.txt" in sources
    assert "2026-01-02T03:04:05+00:00" in sources  # ingested
    assert "Report built 2026-01-02 03:04 UTC" in sources and "test.db" in sources


def test_timeline_data_has_one_mark_per_dated_event(page: str, dossier: Dossier) -> None:
    p = Page(page)
    data = json.loads(p.scripts[0][1])
    assert [m[0] for m in data["marks"]] == [i.id for i in dossier.events if i.span]
    claims = {m[0] for m in data["marks"] if m[4]}
    assert claims == {"ev-fish", "ev-aid"}
    assert "1 undated event is listed below" in page


def test_document_text_is_escaped() -> None:
    hostile = records.hostile_records()
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), hostile,
                 documents={records.DOC: {**records.DOCUMENTS[records.DOC],
                                          "title": "<img src=x onerror=alert(6)>"}})
    page = render_html(d)
    p = Page(page)
    assert len(p.scripts) == 2  # the page's own two, nothing from the document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not [(t, n) for t, a in p.tags for n in a if n.startswith("on")]
    assert not [a for _, a in p.tags if (a.get("href") or "").lower().startswith("javascript")]
    # the JSON block survives a "</script>" in an event type and reads back exactly
    data = json.loads(p.scripts[0][1])
    assert data["marks"][0][5].endswith("ACCUSE</script>")
    assert "<script>alert(4)" not in page and "&lt;/script&gt;&lt;script&gt;alert(4)" in page


def test_script_json_escapes_markup() -> None:
    out = script_json("x", {"a": "</script><!-- & \u2028"})
    assert "</script><" not in out[:-9] and "<!--" not in out and "&" not in out[30:]
    inner = out[out.index(">") + 1:-len("</script>")]
    assert json.loads(inner) == {"a": "</script><!-- & \u2028"}


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://example.org/a?b=1&c=2", True), ("http://example.org", True),
     ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False),
     ("//example.org", False), ("/local", False), ("https://exa mple.org", False), (None, False),
     ("https://", False)],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_empty_dossier_says_so() -> None:
    page = render_html(assemble(Side("CHL", "Chile"), Side("PER", "Peru"), []))
    assert 'id="nothing"' in page and "no events or facts between Chile and Peru" in page
    assert 'id="timeline"' not in page


def test_conflicting_facts_are_flagged() -> None:
    one = records.fact("f-r1", "diplomatic_relations", "CHL", "PER", records.when("1839"),
                       "Chile and Peru established relations in 1839.", 1)
    two = records.fact("f-r2", "diplomatic_relations", "CHL", "PER", records.when("1840"),
                       "Relations between Peru and Chile date from 1840.", 2)
    one.update(conflict=True, conflicts_with=["f-r2"])
    two.update(conflict=True, conflicts_with=["f-r1"])
    page = render_html(assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [one, two]))
    key = page[page.index('id="key-facts"'):page.index('id="timeline"')]
    assert key.count("sources disagree") == 2
    entry = page[page.index('<li id="fact-f-r1"'):page.index('<li id="fact-f-r2"')]
    assert '<a href="#fact-f-r2">1840</a>' in entry


def test_a_treaty_shows_its_name_not_a_place() -> None:
    treaty = {**records.fact("f-t1", "treaty", "CHL", "PER", records.when("1929"),
                             "Chile and Peru signed the Treaty of Lima in 1929.", 1),
              "treaty": {"name": "Treaty of Lima"}}
    suspended = records.fact("f-r1", "diplomatic_relations", "CHL", "PER",
                             records.when(None, "1932", modifier="suspended"),
                             "Peru suspended relations in 1932.", 2)
    page = render_html(assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [treaty, suspended]))
    entry = page[page.index('<li id="fact-f-t1"'):]
    assert "· Treaty of Lima" in entry and "· in Treaty" not in entry
    assert "Relations suspended" in page


# -- hooks: a server's own links (dyad serve), none by default ----------------------------


def own_page(kind: str, record_id: str) -> str:
    return f"/{kind}s/{record_id}?from=report&x=1"


def test_no_hooks_no_links_out_of_the_page(page: str) -> None:
    p = Page(page)
    hrefs = [a["href"] for t, a in p.tags if t == "a"]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert "permalink" not in page and "site-links" not in page


def test_hooks_add_their_links_and_nothing_else(page: str, dossier: Dossier) -> None:
    links = [("dyad", "/"), ("Chile – Peru", "/dyads/CHL/PER"), ("JSON", "/api/x?a=1&b=2")]
    hooked = render_html(dossier, site_links=links, record_href=own_page)
    bar = ('<nav class="toc site-links"><a href="/">dyad</a><a href="/dyads/CHL/PER">'
           'Chile – Peru</a><a href="/api/x?a=1&amp;b=2">JSON</a></nav>')
    assert hooked.index(bar) == hooked.index("<main>") + len("<main>")
    added = [bar]
    for item in (*dossier.events, *dossier.facts):
        kind = "event" if item.is_event else "fact"
        link = (f'<a class="tag permalink" href="/{kind}s/{escape(item.id)}?from=report&amp;x=1">'
                f"{kind} page</a> ")
        prefix = "ev" if item.is_event else "fact"
        entry = re.search(rf'<li id="{prefix}-{re.escape(item.id)}"[^>]*><p class="head">'
                          rf"{re.escape(link)}", hooked)
        assert entry, item.id
        added.append(link)
    # the hooks' markup taken out again, the page is the one without hooks, byte for byte
    plain = hooked
    for piece in set(added):
        plain = plain.replace(piece, "")
    assert plain == page
    assert Page(hooked).ids() == Page(page).ids()


def test_a_hook_may_leave_a_record_unlinked(dossier: Dossier) -> None:
    first = dossier.events[0].id
    hooked = render_html(dossier, record_href=lambda kind, rid: None if rid == first
                         else own_page(kind, rid))
    assert f'href="/events/{first}' not in hooked
    assert hooked.count('class="tag permalink"') == len(dossier.events) + len(dossier.facts) - 1


def test_hook_text_and_urls_are_escaped(dossier: Dossier) -> None:
    hooked = render_html(dossier, site_links=[(records.HOSTILE, '/a"onmouseover="alert(2)')],
                         record_href=lambda kind, rid: f"/{kind}s/<{rid}>")
    p = Page(hooked)
    assert len(p.scripts) == 2
    assert not [(t, n) for t, a in p.tags for n in a if n.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hooked
    assert '<a href="/a&quot;onmouseover=&quot;alert(2)">' in hooked
    assert f'href="/events/&lt;{dossier.events[0].id}&gt;"' in hooked


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                                 "/a b", "/a\nb", "vbscript:x"])
def test_a_hook_url_that_is_not_relative_or_http_is_refused(dossier: Dossier, url: str) -> None:
    with pytest.raises(ValueError, match="link hook"):
        render_html(dossier, record_href=lambda kind, rid: url)
    with pytest.raises(ValueError, match="link hook"):
        render_html(dossier, site_links=[("x", url)])


@pytest.mark.parametrize(("url", "href"), [("https://example.org/a?b=1&c=2",
                                             "https://example.org/a?b=1&amp;c=2"),
                                            ("/facts/f%20r", "/facts/f%20r"),
                                            ("?strict=true", "?strict=true")])
def test_relative_and_http_hook_urls_are_linked(dossier: Dossier, url: str, href: str) -> None:
    assert f'<a href="{href}">x</a>' in render_html(dossier, site_links=[("x", url)])


def test_a_conflicting_fact_off_the_page_is_linked_through_the_hook() -> None:
    one = records.fact("f-r1", "diplomatic_relations", "CHL", "PER", records.when("1839"),
                       "Chile and Peru established relations in 1839.", 1)
    two = records.fact("f-r2", "diplomatic_relations", "CHL", "PER", records.when("1840"),
                       "Relations between Peru and Chile date from 1840.", 2)
    one.update(conflict=True, conflicts_with=["f-r2", "f-elsewhere"])
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [one, two])
    entry = render_html(d, record_href=own_page)
    entry = entry[entry.index('<li id="fact-f-r1"'):entry.index('<li id="fact-f-r2"')]
    assert '<a href="#fact-f-r2">1840</a>' in entry  # on the page: the page's own anchor
    assert '<a href="/facts/f-elsewhere?from=report&amp;x=1">another</a>' in entry
    plain = render_html(d)
    assert '<a href="#fact-f-elsewhere">another</a>' in plain  # no hook: as before
