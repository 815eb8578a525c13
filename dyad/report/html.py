"""A Dossier as one self-contained HTML page: inline style, script, map and chart.

Every string that came from a document goes through ``html.escape``; data for
the script sits in a JSON block with ``<``, ``>`` and ``&`` escaped; links are
written only for http(s) URLs. A Content-Security-Policy allows nothing but the
page's own inline style and script (by hash), so even a slip in escaping could
neither run a script nor fetch anything.

By default the page links nowhere outside itself. A server that shows the
report among its own pages (``dyad serve``) passes ``site_links`` and
``record_href``: text and URLs, never markup, which this module escapes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import urlsplit

from dyad.report.dossier import Dossier, Item, ReferenceEntry, Telling
from dyad.report.geo import locator_svg
from dyad.report.script import JS
from dyad.report.style import CSS

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}
FACT_KINDS = {"diplomatic_relations": "diplomatic relations", "recognition": "recognition",
              "embassy": "embassy", "consulate": "consulate", "ambassador": "ambassador",
              "treaty": "treaty", "membership": "membership", "accreditation": "accreditation"}

# ("event" or "fact", record id) -> the URL of that record's own page, or None for no link
RecordHref = Callable[[str, str], str | None]


def render_html(d: Dossier, *, site_links: Sequence[tuple[str, str]] = (),
                record_href: RecordHref | None = None) -> str:
    """The whole report page.

    With no hooks the page is one self-contained file. ``site_links`` are (text, URL)
    pairs shown as a bar above the header; ``record_href`` gives each event and fact a
    link to its own page. Hooks give plain text and URLs: they are escaped here, and a
    URL with a scheme other than http(s) is refused (ValueError).
    """
    title = f"{d.a.name} – {d.b.name}: relations report"
    body = [site_bar_html(site_links)] if site_links else []
    body += [header_html(d), _toc(d)]
    if d.empty:
        body.append(
            f'<p class="empty" id="nothing">The knowledge base holds no events or facts between '
            f'{escape(d.a.name)} and {escape(d.b.name)}'
            f'{" (predecessor states excluded)" if d.strict else ""}. Ingest documents about '
            f'their relations and build the report again.</p>')
    else:
        body += [key_facts_html(d), timeline_html(d), curve_html(d),
                 events_html(d, record_href), facts_html(d, record_href),
                 uncertain_html(d, record_href), references_html(d)]
    body.append(sources_html(d))
    return "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="dyad">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>",
        *body,
        "</main>",
        script_json("dyad-timeline", timeline_data(d)),
        f"<script>{JS}</script></body></html>\n",
    ])


def content_security_policy() -> str:
    """The policy the page carries in its meta tag; a server sends it as a header too."""
    return ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
            f"style-src {_hash(CSS)}; script-src {_hash(JS)}")


def reference_anchor(number: int) -> str:
    """The element id of reference ``number``, which every footnote ``[n]`` links to."""
    return f"ref-{number}"


# -- helpers -----------------------------------------------------------------


def _hash(source: str) -> str:
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def script_json(element_id: str, data: Any) -> str:
    """Data for the script, safe inside HTML: no "</script>", no "<!--", no entity."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return f'<script type="application/json" id="{escape(element_id)}">{text}</script>'


def safe_url(url: Any) -> str | None:
    """An http(s) URL fit for href (escaped), or None: no javascript:, data: or relative links."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(ch) < 33 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return escape(url)


def hook_url(url: str) -> str:
    """A URL a caller's hook gave, escaped for an attribute: relative or http(s) only."""
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        raise ValueError(f"a link hook gave a URL with a space or control character: {url!r}")
    if urlsplit(url).scheme.lower() not in ("", "http", "https"):
        raise ValueError(f"a link hook gave a URL that is neither relative nor http(s): {url!r}")
    return escape(url)


def _record_link(item: Item, record_href: RecordHref | None) -> str:
    kind = "event" if item.is_event else "fact"
    url = record_href(kind, item.id) if record_href else None
    if url is None:
        return ""
    return f'<a class="tag permalink" href="{hook_url(url)}">{kind} page</a> '


def _entity(entity: dict[str, Any] | None) -> str:
    if not entity:
        return ""
    name = escape(entity.get("name") or entity.get("text") or "?")
    country = entity.get("country")
    if entity.get("kind") != "state" and country:
        return f'{name} <span class="muted">({escape(country)})</span>'
    return name


def _entities(entities: Iterable[dict[str, Any]] | None) -> str:
    return ", ".join(_entity(e) for e in entities or [])


def _goldstein(value: Any) -> str:
    if not isinstance(value, int | float):
        return ""
    return f"{'+' if value > 0 else '−' if value < 0 else '±'}{abs(value):g}"


def _claim(record: dict[str, Any]) -> bool:
    return (record.get("status") or "asserted") != "asserted"


def _status(record: dict[str, Any]) -> str:
    if not _claim(record):
        return ""
    return f'<span class="status">{escape(record.get("status") or "")}</span>'


def _when(item: Item) -> str:
    when = item.record.get("date" if item.is_event else "valid") or {}
    written = when.get("text")
    tip = f' title="as written: {escape(written)}"' if written else ""
    return f'<span class="when"{tip}>{escape(item.date_label)}</span>'


def _notes(numbers: list[int]) -> str:
    return "".join(f'<sup class="fn"><a href="#{reference_anchor(n)}">[{n}]</a></sup>'
                   for n in numbers)


def _telling(t: Telling) -> str:
    where = escape(t.title or t.document)
    if t.section:
        where += f" › {escape(t.section)}"
    return (f"<blockquote>{escape(t.text)}{_notes(t.notes)}</blockquote>"
            f'<p class="where"><a href="#doc-{escape(t.document)}">{where}</a>'
            f", sentence {t.sentence + 1}</p>")


def _section(section_id: str, title: str, inner: str) -> str:
    return f'<section id="{section_id}"><h2>{escape(title)}</h2>{inner}</section>'


def _fact_link(item: Item, text: str = "evidence") -> str:
    link = f'<a href="#fact-{escape(item.id)}">{escape(text)}</a>'
    if item.record.get("conflict"):
        link = f'<span class="conflict">sources disagree</span> {link}'
    return link


# -- header, map, contents --------------------------------------------------------


def site_bar_html(links: Sequence[tuple[str, str]]) -> str:
    """The bar of a server's links above the header: (text, URL) pairs, both escaped."""
    return ('<nav class="toc site-links">'
            + "".join(f'<a href="{hook_url(url)}">{escape(text)}</a>' for text, url in links)
            + "</nav>")


def header_html(d: Dossier) -> str:
    a, b = escape(d.a.name), escape(d.b.name)
    years = [row["period"] for row in d.series if row.get("events")]
    span = f", {years[0]}–{years[-1]}" if years else ""
    total = sum(float(row.get("goldstein_total") or 0) for row in d.series)
    summary = (f"{len(d.events)} events and {len(d.facts)} facts from "
               f"{len(d.documents)} document{'s' if len(d.documents) != 1 else ''}{span}.")
    if d.events:
        summary += f" Goldstein total {_goldstein(round(total, 2)) or '0'}."
    caption = (f"{a} (red) and {b} (blue). Former states are drawn as the present-day states "
               "that hold their land. Map: Natural Earth, public domain.")
    return (
        '<header class="top"><div class="pair">'
        f'<h1><span class="name-a">{a}</span> – <span class="name-b">{b}</span></h1>'
        f'<p class="muted">{escape(d.a.code)} – {escape(d.b.code)} · relations report</p>'
        f'<p class="summary">{summary}</p>'
        f'<p class="muted">Built {escape(d.built_at)} by dyad'
        f'{" from " + escape(d.source) if d.source else ""}; '
        f'sources listed <a href="#sources">at the end</a>.</p>'
        "</div><figure>"
        f"{locator_svg(d.a.code, d.b.code, d.a.name, d.b.name)}"
        f"<figcaption>{caption}</figcaption></figure></header>")


def _toc(d: Dossier) -> str:
    parts = [("key-facts", "Key facts"), ("timeline", "Timeline"),
             ("curve", "Cooperation and conflict"), ("events", "Events"), ("facts", "Facts"),
             *([("uncertain", "Less certain")] if d.uncertain else []),
             ("references", "References"), ("sources", "Sources")]
    if d.empty:
        parts = parts[-1:]
    return '<nav class="toc">' + "".join(f'<a href="#{i}">{t}</a>' for i, t in parts) + "</nav>"


# -- key facts ----------------------------------------------------------------------


def key_facts_html(d: Dossier) -> str:
    k = d.key_facts
    out = []
    lines = []
    for item in k.relations:
        r, valid = item.record, item.record.get("valid") or {}
        sides = f"{_entity(r.get('subject'))} and {_entity(r.get('object'))}"
        if valid.get("start") and valid.get("end"):
            what = f"Relations {escape(item.date_label)}"
        elif valid.get("end"):
            ended = "suspended" if valid.get("modifier") == "suspended" else "severed"
            what = f"Relations {ended} {escape(item.date_label)}"
        elif valid.get("start"):
            what = f"Relations established {escape(item.date_label)}"
        else:
            what = "Diplomatic relations"
        lines.append(f"<li>{what}: {sides}{_status(r)} ({_fact_link(item)})</li>")
    for item in k.recognitions:
        r = item.record
        when = "" if item.date_label == "undated" else f", {escape(item.date_label)}"
        lines.append(f"<li>{_entity(r.get('subject'))} recognised {_entity(r.get('object'))}"
                     f"{when}{_status(r)} ({_fact_link(item)})</li>")
    if k.relation_periods:
        spans = ", ".join(f"{escape(_year_or_dash(a))}–{escape(_year_or_dash(b, 'today'))}"
                          for a, b in k.relation_periods)
        lines.insert(0, f'<li class="periods">Periods of relations: {spans}</li>')
    out.append('<h3>Relations and recognition</h3>' + (
        f'<ul class="facts">{"".join(lines)}</ul>' if lines
        else '<p class="note">No document states when relations were established.</p>'))

    out.append("<h3>Embassies and consulates</h3>")
    if k.missions:
        rows = "".join(
            f"<tr><td>{escape(FACT_KINDS.get(i.record.get('kind'), i.record.get('kind') or ''))}"
            f"</td><td>{_entity(i.record.get('subject'))}</td>"
            f"<td>{escape((i.record.get('place') or {}).get('name') or '—')}"
            f"{', ' + _entity(i.record.get('object')) if i.record.get('object') else ''}</td>"
            f"<td>{_valid_part(i, 'start')}</td><td>{_valid_part(i, 'end')}</td>"
            f"<td>{_status(i.record)} {_fact_link(i)}</td></tr>" for i in k.missions)
        out.append("<table><thead><tr><th>Mission</th><th>Of</th><th>In</th><th>Opened</th>"
                   f"<th>Closed</th><th></th></tr></thead><tbody>{rows}</tbody></table>")
    else:
        out.append('<p class="note">No embassy or consulate found.</p>')

    out.append("<h3>Ambassadors</h3>")
    if k.ambassadors_current or k.ambassadors_past:
        for label, items in (("Current", k.ambassadors_current), ("Past", k.ambassadors_past)):
            if not items:
                continue
            rows = "".join(
                f"<tr><td>{_entity(i.record.get('person')) or '—'}</td>"
                f"<td>{_entity(i.record.get('subject'))}</td>"
                f"<td>{_entity(i.record.get('object'))}</td>"
                f"<td>{_valid_part(i, 'start')}</td><td>{_valid_part(i, 'end')}</td>"
                f"<td>{_status(i.record)} {_fact_link(i)}</td></tr>" for i in items)
            out.append(f"<table><caption class=\"muted\">{label}</caption><thead><tr>"
                       "<th>Ambassador</th><th>Of</th><th>To</th><th>From</th><th>Until</th>"
                       f"<th></th></tr></thead><tbody>{rows}</tbody></table>")
    else:
        out.append('<p class="note">No ambassador found.</p>')

    if k.other:
        lines = [f"<li>{escape(FACT_KINDS.get(i.record.get('kind'), i.record.get('kind') or ''))}"
                 f": {_entity(i.record.get('subject'))} – {_entity(i.record.get('object'))}"
                 f"{'' if i.date_label == 'undated' else ', ' + escape(i.date_label)}"
                 f"{_status(i.record)} ({_fact_link(i)})</li>" for i in k.other]
        out.append(f'<h3>Other standing ties</h3><ul class="facts">{"".join(lines)}</ul>')
    return _section("key-facts", "Key facts", "".join(out))


def _year_or_dash(value: str | None, missing: str = "?") -> str:
    from dyad.report.dossier import date_label

    return date_label({"start": value}) if value else missing


def _valid_part(item: Item, which: str) -> str:
    from dyad.report.dossier import date_label

    valid = item.record.get("valid") or {}
    value = valid.get(which)
    if not value and which == "end" and item.until:
        # no end of its own: the successor's start
        return (escape(date_label({"start": item.until}))
                + ' <span class="muted">(successor)</span>')
    if not value:
        return "—"
    return escape(date_label({"start": value, "precision": valid.get("precision")}))


# -- timeline -------------------------------------------------------------------------


def timeline_data(d: Dossier) -> dict[str, Any]:
    """The marks the script draws: [id, x0, x1, quad, claim, label], x in decimal years."""
    marks = []
    for item in d.events:
        if item.span is None:
            continue
        r = item.record
        quad = r.get("quad_class") if r.get("quad_class") in QUADS else 0
        label = f"{item.date_label} · {r.get('event_type') or ''}"
        if _claim(r):
            label += f" ({r.get('status')})"
        marks.append([item.id, round(item.span[0], 4), round(item.span[1], 4), quad,
                      1 if _claim(r) else 0, label])
    if marks:
        lo, hi = min(m[1] for m in marks), max(m[2] for m in marks)
    else:
        lo, hi = 0.0, 1.0
    pad = max((hi - lo) * 0.03, 0.5)
    return {"marks": marks, "domain": [round(lo - pad, 4), round(hi + pad, 4)]}


def timeline_html(d: Dossier) -> str:
    undated = sum(1 for i in d.events if i.span is None)
    present = {i.record.get("quad_class") if i.record.get("quad_class") in QUADS else 0
               for i in d.events}
    boxes = "".join(
        f'<label><input type="checkbox" data-quad="{q}" checked> '
        f'<span class="swatch sw{q}"></span>{name}</label>'
        for q, name in (*QUADS.items(), (0, "unclassified")) if q in present or q)
    controls = (
        f'<div class="controls">{boxes}'
        '<label><input type="checkbox" id="tl-asserted"> asserted only</label>'
        '<span><span class="swatch claim"></span>alleged, reported, pledged …</span>'
        '<button type="button" id="tl-in" title="zoom in">+</button>'
        '<button type="button" id="tl-out" title="zoom out">−</button>'
        '<button type="button" id="tl-reset">whole span</button></div>')
    note = ('<p class="note no-print">Scroll over the timeline to zoom, drag to move; '
            "click an event to read its evidence.")
    if undated:
        note += (f" {undated} undated event{'s are' if undated != 1 else ' is'} listed below "
                 "but not placed on the timeline.")
    note += "</p>"
    inner = (controls + '<svg id="tl" role="img" aria-label="Timeline of events"></svg>' + note
             + '<div class="detail" id="tl-detail" aria-live="polite">'
               '<span class="muted">Click an event on the timeline.</span></div>')
    return _section("timeline", "Timeline", inner)


# -- the cooperation-conflict curve ---------------------------------------------------------


def curve_html(d: Dossier) -> str:
    rows = d.series
    if not rows:
        return _section("curve", "Cooperation and conflict",
                        '<p class="note">No dated events.</p>')
    table_rows = "".join(
        f"<tr><td>{escape(str(r['period']))}</td><td>{r['events']}</td><td>{r['quad1']}</td>"
        f"<td>{r['quad2']}</td><td>{r['quad3']}</td><td>{r['quad4']}</td>"
        f"<td>{_goldstein(r['goldstein_total']) or '0'}</td></tr>"
        for r in rows if r.get("events"))
    table = ("<details><summary>The numbers per year</summary><table><thead><tr><th>Year</th>"
             "<th>Events</th><th>Verbal coop.</th><th>Material coop.</th><th>Verbal conflict</th>"
             "<th>Material conflict</th><th>Goldstein total</th></tr></thead>"
             f"<tbody>{table_rows}</tbody></table></details>")
    legend = ('<p class="note">Top: the Goldstein total of each year’s events (cooperation '
              "above the line, conflict below). Bottom: events per year by quad class, "
              "cooperation up, conflict down: "
              + " ".join(f'<span class="swatch sw{q}"></span>{n}' for q, n in QUADS.items())
              + ".</p>")
    return _section("curve", "Cooperation and conflict", curve_svg(rows) + legend + table)


def curve_svg(rows: list[dict[str, Any]]) -> str:
    """Goldstein totals as a line over the years, quad-class counts as bars below."""
    width, left, right = 1000, 46, 10
    top_h, gap, bottom_h, axis_h = 130, 26, 130, 20
    n = len(rows)
    step = (width - left - right) / n
    gmax = max((abs(float(r.get("goldstein_total") or 0)) for r in rows), default=0) or 1
    up = max((r["quad1"] + r["quad2"] for r in rows), default=0)
    down = max((r["quad3"] + r["quad4"] for r in rows), default=0)
    g0 = top_h / 2
    # the tallest cooperation bar and the deepest conflict bar share the panel's height
    scale_b = (bottom_h - 4) / max(up + down, 1)
    b0 = top_h + gap + 2 + up * scale_b
    bar_w = max(step * 0.8, 0.6)
    total_h = top_h + gap + bottom_h + axis_h
    parts = [f'<svg class="curve" viewBox="0 0 {width} {total_h}" role="img" '
             'aria-label="Cooperation and conflict per year">']
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{g0}" y2="{g0}"/>')
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{b0:.1f}" '
                 f'y2="{b0:.1f}"/>')
    parts.append(f'<text x="{left - 4}" y="12" text-anchor="end">+{gmax:g}</text>'
                 f'<text x="{left - 4}" y="{top_h}" text-anchor="end">−{gmax:g}</text>'
                 f'<text x="{left - 4}" y="{g0 + 4}" text-anchor="end">0</text>')
    if up:
        parts.append(f'<text x="{left - 4}" y="{top_h + gap + 10}" text-anchor="end">{up}</text>')
    if down:
        parts.append(f'<text x="{left - 4}" y="{top_h + gap + bottom_h}" '
                     f'text-anchor="end">{down}</text>')
    points = []
    for i, r in enumerate(rows):
        x = left + i * step + step / 2
        g = float(r.get("goldstein_total") or 0)
        y = g0 - g / gmax * (top_h / 2 - 6)
        points.append(f"{x:.1f},{y:.1f}")
        if g:
            cls = "gpos" if g > 0 else "gneg"
            parts.append(f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="2.2"/>')
        stack_up = b0
        for q in (2, 1):  # material cooperation nearest the axis
            h = r[f"quad{q}"] * scale_b
            if h:
                stack_up -= h
                parts.append(f'<rect class="b{q}" x="{x - bar_w / 2:.1f}" y="{stack_up:.1f}" '
                             f'width="{bar_w:.1f}" height="{h:.1f}"/>')
        stack_down = b0
        for q in (4, 3):
            h = r[f"quad{q}"] * scale_b
            if h:
                parts.append(f'<rect class="b{q}" x="{x - bar_w / 2:.1f}" y="{stack_down:.1f}" '
                             f'width="{bar_w:.1f}" height="{h:.1f}"/>')
                stack_down += h
        if r.get("events"):
            tip = (f"{r['period']}: {r['events']} events, Goldstein total "
                   f"{_goldstein(g) or '0'} (verbal coop. {r['quad1']}, material coop. "
                   f"{r['quad2']}, verbal conflict {r['quad3']}, material conflict {r['quad4']})")
            parts.append(f'<rect class="hit" x="{x - step / 2:.1f}" y="0" width="{step:.1f}" '
                         f'height="{top_h + gap + bottom_h}"><title>{escape(tip)}</title></rect>')
    parts.append(f'<polyline class="gline" points="{" ".join(points)}"/>')
    label_every = max(1, round(n / 12))
    for i, r in enumerate(rows):
        if i % label_every == 0:
            x = left + i * step + step / 2
            parts.append(f'<text x="{x:.1f}" y="{total_h - 4}" text-anchor="middle">'
                         f'{escape(str(r["period"]))}</text>')
    parts.append("</svg>")
    return "".join(parts)


# -- events and facts ------------------------------------------------------------------


def event_item_html(item: Item, record_href: RecordHref | None = None) -> str:
    r = item.record
    quad = r.get("quad_class") if r.get("quad_class") in QUADS else 0
    classes = f"item q{quad}" + (" claim" if _claim(r) else "")
    tags = []
    if r.get("cameo"):
        tags.append(f"CAMEO {escape(str(r['cameo']))}")
    if isinstance(r.get("goldstein"), int | float):
        tags.append(f"Goldstein {_goldstein(r['goldstein'])}")
    if quad:
        tags.append(QUADS[quad])
    if r.get("mode"):
        tags.append(escape(r["mode"]))
    tags += [escape(c) for c in r.get("contexts") or []]
    head = (f'<p class="head">{_record_link(item, record_href)}{_when(item)}'
            f'<span class="type">{escape(r.get("event_type") or "")}</span>{_status(r)}'
            + "".join(f'<span class="tag">{t}</span>' for t in tags) + "</p>")
    who = _entities(r.get("actors"))
    if r.get("recipients"):
        who += f" → {_entities(r.get('recipients'))}"
    extra = []
    if r.get("attributed_to"):
        extra.append(f"according to {_entity(r['attributed_to'])}")
    for q in r.get("quantities") or []:
        if q.get("text"):
            extra.append(escape(q["text"]))
    if (r.get("location") or {}).get("name"):
        extra.append(f"in {escape(r['location']['name'])}")
    line = who + (" · " + " · ".join(extra) if extra else "")
    return (f'<li id="ev-{escape(item.id)}" class="{classes}" data-q="{quad}">{head}'
            + (f'<p class="who">{line}</p>' if line else "")
            + "".join(_telling(t) for t in item.tellings) + "</li>")


def events_html(d: Dossier, record_href: RecordHref | None = None) -> str:
    if not d.events:
        return _section("events", "Events", '<p class="note">No events.</p>')
    items = "".join(event_item_html(i, record_href) for i in d.events)
    return _section("events", f"Events ({len(d.events)})",
                    f'<ol class="items" id="event-list">{items}</ol>')


def fact_item_html(item: Item, by_id: dict[str, Item] | None = None,
                   record_href: RecordHref | None = None) -> str:
    """A fact's list entry; ``by_id`` holds the facts on the same page, so a conflicting
    fact there is linked in the page and one elsewhere through ``record_href``."""
    r = item.record
    kind = FACT_KINDS.get(r.get("kind"), r.get("kind") or "")
    head = (f'<p class="head">{_record_link(item, record_href)}{_when(item)}'
            f'<span class="type">{escape(kind)}</span>{_status(r)}')
    if r.get("conflict"):
        others = ", ".join(_conflict_link(o, by_id, record_href)
                           for o in r.get("conflicts_with") or [])
        head += f'<span class="conflict">sources disagree: see also {others or "—"}</span>'
    head += "</p>"
    who = f"{_entity(r.get('subject'))} → {_entity(r.get('object'))}"
    if r.get("person"):
        who += f" · {_entity(r['person'])}"
    if (r.get("place") or {}).get("name"):
        who += f" · in {escape(r['place']['name'])}"
    if (r.get("treaty") or {}).get("name"):
        who += f" · {escape(r['treaty']['name'])}"
    return (f'<li id="fact-{escape(item.id)}" class="item fact'
            f'{" claim" if _claim(r) else ""}">{head}<p class="who">{who}</p>'
            + "".join(_telling(t) for t in item.tellings) + "</li>")


def _conflict_link(other: str, by_id: dict[str, Item] | None,
                   record_href: RecordHref | None) -> str:
    if by_id and other in by_id:
        return f'<a href="#fact-{escape(other)}">{escape(by_id[other].date_label)}</a>'
    url = record_href("fact", other) if record_href else None
    href = hook_url(url) if url is not None else f"#fact-{escape(other)}"
    return f'<a href="{href}">another</a>'


def facts_html(d: Dossier, record_href: RecordHref | None = None) -> str:
    if not d.facts:
        return _section("facts", "Facts", '<p class="note">No facts.</p>')
    by_id = {i.id: i for i in d.facts}
    items = "".join(fact_item_html(i, by_id, record_href) for i in d.facts)
    return _section("facts", f"Facts ({len(d.facts)})", f'<ol class="items">{items}</ol>')


def uncertain_html(d: Dossier, record_href: RecordHref | None = None) -> str:
    """The records the extractor is less sure of, apart: in none of the sections above."""
    from dyad.report.dossier import LOW_CONFIDENCE

    if not d.uncertain:
        return ""
    by_id = {i.id: i for i in d.facts + d.uncertain}
    items = "".join(event_item_html(i, record_href) if i.is_event
                    else fact_item_html(i, by_id, record_href) for i in d.uncertain)
    note = (f'<p class="note">Confidence under {LOW_CONFIDENCE:g}: held apart from training, '
            "records this sure were right about half the time. They are not in the key facts, "
            "the timeline or the curve.</p>")
    return _section("uncertain", f"Less certain ({len(d.uncertain)})",
                    note + f'<ol class="items">{items}</ol>')


# -- references and sources ---------------------------------------------------------------


def reference_html(ref: ReferenceEntry) -> str:
    f = ref.fields
    parts = []
    if f.get("authors"):
        parts.append(escape("; ".join(f["authors"])) + ".")
    if f.get("title"):
        title = escape(f["title"])
        url = safe_url(f.get("url"))
        parts.append(f'“<a href="{url}" rel="noreferrer">{title}</a>”.' if url
                     else f"“{title}”.")
    for key in ("work", "publisher"):
        if f.get(key):
            parts.append(f"<i>{escape(f[key])}</i>." if key == "work" else f"{escape(f[key])}.")
    if f.get("date"):
        parts.append(f"{escape(f['date'])}.")
    if f.get("language"):
        parts.append(f"(in {escape(f['language'])})")
    if f.get("url") and not f.get("title"):
        url = safe_url(f["url"])
        parts.append(f'<a href="{url}" rel="noreferrer">{escape(f["url"])}</a>' if url
                     else escape(f["url"]))
    for key, word in (("doi", "doi"), ("isbn", "ISBN")):
        if f.get(key):
            parts.append(f"{word} {escape(f[key])}.")
    if f.get("archived"):
        parts.append(f"Archived {escape(f['archived'])}.")
    if f.get("accessed"):
        parts.append(f"Retrieved {escape(f['accessed'])}.")
    if not parts or not f.get("title"):
        # no title parsed: the entry as the document wrote it says the most
        parts = [escape(f.get("text") or "")] + [p for p in parts if "<a " in p]
    origin = escape(ref.document_title or ref.document)
    return (f'<li id="{reference_anchor(ref.number)}"><span class="refnum">[{ref.number}]</span>'
            f'{" ".join(parts)} <span class="muted">— note {escape(ref.label)} in '
            f'<a href="#doc-{escape(ref.document)}">{origin}</a></span></li>')


def references_html(d: Dossier) -> str:
    if not d.references:
        return _section("references", "References",
                        '<p class="note">No cited references.</p>')
    items = "".join(reference_html(r) for r in d.references)
    return _section("references", "References", f'<ol class="refs">{items}</ol>')


def sources_html(d: Dossier) -> str:
    rows = []
    for doc in d.documents:
        url = safe_url(doc.get("url"))
        title = escape(doc.get("title") or doc.get("id") or "")
        if url:
            title = f'<a href="{url}" rel="noreferrer">{title}</a>'
        rows.append(
            f'<tr id="doc-{escape(doc.get("id") or "")}"><td>{title}</td>'
            f'<td>{escape(doc.get("source") or "")}</td><td>{escape(doc.get("date") or "")}</td>'
            f'<td>{escape(str(doc.get("ingested_at") or ""))}</td>'
            f'<td class="muted">{escape(doc.get("id") or "")}</td></tr>')
    table = ("<table><thead><tr><th>Document</th><th>Source</th><th>Dated</th><th>Ingested</th>"
             f"<th>Id</th></tr></thead><tbody>{''.join(rows)}</tbody></table>" if rows
             else '<p class="note">No documents.</p>')
    basis = (f'<p class="muted">Report built {escape(d.built_at)} by dyad'
             f'{" from " + escape(d.source) if d.source else ""}'
             f'{", predecessor states excluded" if d.strict else ""}. '
             "Records were extracted automatically; every one quotes the sentence it "
             "comes from.</p>")
    return _section("sources", "Sources", basis + table)
