"""Country names and codes for queries, and the states that continue one another.

A query names a state as a user writes it ("Mali", "mali", "MLI", "the
Soviet Union"); the gazetteer turns it into a code. A dyad's story runs
through the states that continued one another — Russia's includes the
Soviet Union's, Mali's the Mali Federation's and French Sudan's — following
the gazetteer's ``successor`` links in both directions. States that only
split off (Ukraine from the Soviet Union, Senegal from the Mali Federation)
are not continuations and are not included.
"""

from __future__ import annotations

from functools import lru_cache

from dyad.errors import DataError
from dyad.reference.gazetteer import Gazetteer, load_gazetteer


def gazetteer() -> Gazetteer:
    return load_gazetteer(None)


def code_of(name_or_code: str, known: frozenset[str] = frozenset()) -> str:
    """"Mali", "mali", "MLI" → "MLI"; DataError for a name no state has.

    ``known`` holds codes found in the knowledge base (a user's gazetteer may
    have added states the built-in one lacks).
    """
    g = gazetteer()
    value = (name_or_code or "").strip()
    if not value:
        raise DataError("a country is needed (a name such as Mali or a code such as MLI)")
    if value.upper() in g.states or value.upper() in known:
        return value.upper()
    codes = {c for e in g.lookup(value) if e.kind == "state" for c in e.codes}
    if len(codes) == 1:
        return codes.pop()
    if len(codes) > 1:
        raise DataError(f"{value!r} could mean {', '.join(sorted(codes))}; give a code")
    raise DataError(f"unknown country {value!r} (give a name such as Mali or a code such as MLI)")


def name_of(code: str) -> str:
    return gazetteer().name_of(code) if code else ""


@lru_cache(maxsize=1024)
def lineage(code: str) -> frozenset[str]:
    """The code with the states it continued and the states that continued it."""
    g = gazetteer()
    found = {code}
    todo = [code]
    while todo:  # predecessors that this state continues, transitively
        current = todo.pop()
        for p in g.predecessors.get(current, ()):
            state = g.states.get(p)
            if state is not None and state.successor == current and p not in found:
                found.add(p)
                todo.append(p)
    current = code
    while True:  # and the chain of states that continue it
        state = g.states.get(current)
        nxt = state.successor if state else None
        if not nxt or nxt in found:
            break
        found.add(nxt)
        current = nxt
    return frozenset(found)


def side(code: str, *, strict: bool) -> frozenset[str]:
    """The codes a query for ``code`` covers."""
    return frozenset({code}) if strict else lineage(code)


def cow_of(code: str) -> int | None:
    """The Correlates of War state code ("SUN" → 365, "RUS" → 365); None where COW has none."""
    state = gazetteer().states.get(code) if code else None
    return state.cow if state else None
