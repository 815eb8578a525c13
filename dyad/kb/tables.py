"""Records as short text columns for people to read (the CLI's table output).

Each query has its columns; cells are plain strings, so any front end (rich
on a terminal, plain text in a pipe) can lay them out.
"""

from __future__ import annotations

from typing import Any

from dyad.kb.export import when_text


def _who(entities: list[dict[str, Any]] | None) -> str:
    return ", ".join((e or {}).get("name") or "?" for e in entities or [])


def _cites(record: dict[str, Any]) -> str:
    out = []
    for c in record.get("citations") or []:
        title = c.get("title") or c.get("work") or (c.get("text") or "")[:60]
        out.append(f"[{c.get('label')}] {title}".strip())
    return "; ".join(out)


def _status(record: dict[str, Any]) -> str:
    status = record.get("status") or ""
    if record.get("conflict"):
        status += " CONFLICT"
    return status.strip()


def _sources(record: dict[str, Any]) -> str:
    return str(len(record.get("sources") or []) or 1)


def _evidence(record: dict[str, Any]) -> str:
    return (record.get("evidence") or {}).get("text") or ""


def _what(record: dict[str, Any]) -> tuple[str, str]:
    """(what happened, between whom) for an event or a fact."""
    if record.get("record") == "event":
        parties = _who(record.get("actors"))
        if record.get("recipients"):
            parties += " → " + _who(record.get("recipients"))
        return record.get("event_type") or "", parties
    extra = [x for x in ((record.get("person") or {}).get("name"),
                         (record.get("place") or {}).get("name"),
                         (record.get("treaty") or {}).get("name")) if x]
    parties = f"{_who([record.get('subject')])} → {_who([record.get('object')])}"
    if extra:
        parties += f" ({', '.join(extra)})"
    return record.get("kind") or "", parties


def _date(record: dict[str, Any]) -> str:
    return when_text(record.get("date") if record.get("record") == "event"
                     else record.get("valid"))


def _record_row(record: dict[str, Any]) -> list[str]:
    what, who = _what(record)
    return [_date(record), what, who, _status(record), _sources(record), _cites(record),
            _evidence(record)]


RECORD_COLUMNS = ["date", "what", "who", "status", "sources", "citations", "sentence"]

_SIMPLE = {
    "dyads": ["a", "b", "a_name", "b_name", "events", "facts", "first", "last",
              "goldstein_total", "net_cooperation"],
    "series": ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_total",
               "goldstein_mean"],
    "search": ["title", "section", "sentence", "text"],
}


def table(rows: list[dict[str, Any]], what: str) -> tuple[list[str], list[list[str]]]:
    """(column names, cells) for ``what``: events, facts, timeline, dyads, series, search."""
    if what in _SIMPLE:
        names = _SIMPLE[what]
        return names, [["" if row.get(n) is None else str(row.get(n)) for n in names]
                       for row in rows]
    return RECORD_COLUMNS, [_record_row(r) for r in rows]
