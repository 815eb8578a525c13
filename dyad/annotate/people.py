"""Named people the role and leader tables leave out, found from the shape of the sentence.

* a copula after a role: "the Russian ambassador to Mali is Igor Gromyko" — the
  name takes the role and the sending state;
* an appositive: "Alexander Makarenko, Director of the Africa Department of the
  Russian Ministry of Foreign Affairs," — the name takes the role and the state
  of the first organisation or state named in the title;
* a surname already resolved in the document: "Keïta" after "Modibo Keïta"
  (the latest person of that surname wins: "President Ibrahim Boubacar Keïta"
  later in the page is someone else);
* "his Malian counterpart": the person is from the other side of the pair;
* an ambassador whose host is named ("ambassador to Mali", "credentials to
  President Medvedev") in a document about a pair is from the pair's other side.

Spans are token indices ``[i, j)`` over ``gazetteer.tokenize`` tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dyad.model import Entity
from dyad.reference.gazetteer import Gazetteer, Token, normalise

_COPULA = ("is", "was", "became")
ENVOYS = frozenset({"ambassador", "envoy", "chargé d'affaires", "high commissioner", "consul"})
# capitalised words that begin sentences or titles, never a name
_NOT_NAME = frozenset(
    "the a an in on at of and for with by from to this that these those his her its their "
    "when after before but while as if since under during then later also "
    "president minister ambassador general colonel director secretary king queen".split()
)


@dataclass(frozen=True, slots=True)
class Found:
    i: int
    j: int
    entity: Entity


def name_end(tokens: Sequence[Token], k: int) -> int | None:
    """The end of a personal name starting at ``k`` ("N. L. Traoré", "Igor Gromyko"), else None.

    Initials ("N" ".") and capitalised words, at most four words; the name must
    end with a word of two letters or more.
    """
    j, words, last = k, 0, None
    while j < len(tokens) and words < 4:
        t = tokens[j].text
        if len(t) == 1 and t.isupper() and j + 1 < len(tokens) and tokens[j + 1].text == ".":
            j += 2  # an initial
            words += 1
            continue
        if len(t) > 1 and t[0].isupper() and t[1:].replace("-", "").replace("'", "").isalpha() \
                and tokens[j].norm not in _NOT_NAME:  # fmt: skip
            j += 1
            words += 1
            last = j
            continue
        break
    return last if last is not None and last > k and _has_word(tokens, k, last) else None


def _has_word(tokens: Sequence[Token], i: int, j: int) -> bool:
    return any(len(t.text) > 1 for t in tokens[i:j])


def role_only(entity: Entity) -> bool:
    """A role mention without a personal name ("the Russian ambassador", "President of Mali")."""
    if entity.kind != "person" or not entity.role:
        return False
    return entity.role.split()[0] in normalise(entity.name).split()


def copula_people(text: str, tokens: Sequence[Token], found: Sequence[Found],
                  other_side: Callable[[str | None], str | None]) -> list[Found]:
    """"<role> (to <state>) is <Name>": the name holds the role."""
    by_start = {f.i: f for f in found}
    # a leader's surname inside the name may be overruled ("Igor Gromyko" is not Andrei)
    taken = {x for f in found for x in range(f.i, f.j) if f.entity.kind != "person"}
    out = []
    for f in found:
        if not role_only(f.entity):
            continue
        k, host = f.j, None
        if k < len(tokens) and tokens[k].norm == "to":
            k += 2 if k + 1 < len(tokens) and tokens[k + 1].norm == "the" else 1
            h = by_start.get(k) or by_start.get(k - 1)
            if h is None or h.entity.kind != "state":
                continue
            host, k = h.entity.country, h.j
        if k >= len(tokens) or tokens[k].norm not in _COPULA:
            continue
        k += 1
        j = name_end(tokens, k)
        if j is None or any(x in taken for x in range(k, j)):
            continue
        e = f.entity
        if j - k < 2:
            continue  # a single word after "is" is seldom a name
        country = e.country or (other_side(host) if e.role in ENVOYS else None)
        name = _text(text, tokens, k, j)
        out.append(Found(k, j, Entity(name, name, "person", country, e.sector, e.role, None,
                                      0.85)))
    return out


def appositive_people(text: str, tokens: Sequence[Token], found: Sequence[Found],
                      g: Gazetteer, persons: Sequence[tuple[int, int]]) -> list[Found]:
    """"<Name>, (the) <title> of <organisation or state>,": the name holds the title."""
    taken = {x for f in found for x in range(f.i, f.j) if f.entity.kind != "person"}
    cues = {i: (j, cue) for i, j, cue in g.cue_matches(list(tokens)) if cue.cue_kind == "person"}
    starts = {pi for pi, _ in persons} | {k for k in range(len(tokens))
                                          if k == 0 or not tokens[k - 1].text[:1].isupper()}
    out = []
    for k in sorted(starts):
        if k in taken:
            continue
        j = name_end(tokens, k)
        if j is None or j - k < 2 or j >= len(tokens) or tokens[j].text != ",":
            continue
        c = j + 1
        if c < len(tokens) and tokens[c].norm in ("the", "a", "an"):
            c += 1
        # the title may open with words before its head: "the Special Presidential Representative"
        head = next((x for x in range(c, min(c + 4, len(tokens))) if x in cues), None)
        if head is None or not all(tokens[x].text[:1].isupper() for x in range(c, head)):
            continue
        end = _title_end(tokens, cues[head][0])
        cue = cues[head][1]
        role = cue.role or " ".join(t.norm for t in tokens[head:cues[head][0]])
        inside = [f for f in found if c <= f.i and f.j <= end and f.entity.country
                  and f.entity.kind in ("state", "organization")]
        if role in ENVOYS:
            # an envoy is of the state that sends it ("the Japanese ambassador to Romania"
            # is Japanese): the title's own state, never the one after "to" (the posting)
            inside = [f for f in found if j < f.i < end and f.entity.country and (
                (f.entity.kind == "person" and role_only(f.entity)) or (f.entity.kind in (
                    "state", "organization") and tokens[f.i - 1].norm != "to"))]
        country = inside[0].entity.country if inside else None
        name = _text(text, tokens, k, j)
        out.append(Found(k, j, Entity(name, name, "person", country, cue.sector, role, None,
                                      0.8)))
    return out


def _title_end(tokens: Sequence[Token], k: int) -> int:
    """Where an appositive title ends: the next comma or stop (", with", ".", ";")."""
    while k < len(tokens) and tokens[k].text not in (",", ";", ".", "(", ")"):
        k += 1
    return k


def surname_people(tokens: Sequence[Token], found: Sequence[Found], surnames: dict[str, Entity],
                   persons: Sequence[tuple[int, int]]) -> list[Found]:
    """A bare surname ("Keïta") resolved before, in the document or the sentence, keeps that
    resolution; the latest person of that surname wins."""
    known_here = dict(surnames)
    for f in sorted(found, key=lambda f: f.i):
        if f.entity.kind == "person" and (f.entity.country or f.entity.role) \
                and not role_only(f.entity) and " " in f.entity.name:  # fmt: skip
            known_here.setdefault(normalise(f.entity.name.split()[-1]), f.entity)
    taken = {x for f in found for x in range(f.i, f.j) if f.j - f.i > 1 or f.entity.country}
    longer = {x for pi, pj in persons if pj - pi > 1 for x in range(pi, pj)}
    out = []
    for k, t in enumerate(tokens):
        known = known_here.get(t.norm)
        if known is None or k in taken or k in longer or not t.text[:1].isupper():
            continue
        if k > 1 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].norm not in _NOT_NAME:
            continue  # another given name: "Ibrahim Boubacar Keïta" is not "Modibo Keïta"
        out.append(Found(k, k + 1, replace(known, text=t.text, confidence=min(
            known.confidence, 0.8))))
    return out


def counterpart_side(tokens: Sequence[Token], found: Sequence[Found],
                     other_side: Callable[[str | None], str | None]) -> str | None:
    """The pair's side that "his Malian counterpart" is not, if the sentence says so."""
    for f in found:
        if f.entity.kind == "state" and f.j < len(tokens) and tokens[f.j].norm in (
                "counterpart", "counterparts") and f.i > 0 \
                and tokens[f.i - 1].norm in ("his", "her", "their", "its"):  # fmt: skip
            return other_side(f.entity.country)
    return None


def envoy_host(tokens: Sequence[Token], f: Found, found: Sequence[Found]) -> str | None:
    """The host state of an envoy: "ambassador to Mali", "… credentials to President X"."""
    for k in range(f.j, min(len(tokens), f.j + 12)):
        if tokens[k].text in (";", "."):
            break
        if tokens[k].norm != "to":
            continue
        nxt = [g for g in found if g.i in (k + 1, k + 2) and g.entity.country
               and g.entity.kind in ("state", "person")]
        if nxt:
            return nxt[0].entity.country
    return None


def _text(text: str, tokens: Sequence[Token], i: int, j: int) -> str:
    return text[tokens[i].start : tokens[j - 1].end]
