"""The gazetteer: states (current and former), names, demonyms, capitals, metonyms,
IGOs, organisations, role words and leaders, read from ``dyad/data/gazetteer/*.tsv``.

Lookups go by normalised surface form (casefolded, diacritics and a leading
"the" stripped, tokenised as ``tokenize`` does), so matching a sentence is a
few dictionary probes per token. ``state_at`` maps a code to the state that
held it at a date by following successor/predecessor links.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dyad.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# Words, keeping inner dots/hyphens/apostrophes ("U.S.", "Guinea-Bissau", "d'Ivoire"), but
# not a hyphen before a small letter ("China-backed", "Soviet-era": China, Soviet);
# a possessive "'s" is split off below so "Russia's" looks up "Russia".
_TOKEN = re.compile(r"\w+(?:[.'’]\w+|-(?![a-z])\w+)*\.?|\S")
_POSSESSIVE = ("'s", "’s")
# a state's combining form ("Sino-", "Indo-") names it only beside another state's word
COMBINING_FORMS = frozenset({"sino", "russo", "indo", "franco", "anglo", "italo"})


@dataclass(slots=True)  # not frozen: made for every word, and never changed
class Token:
    start: int
    end: int
    text: str
    norm: str


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefold, drop diacritics, straighten apostrophes and dashes (cached: words recur)."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("–", "-").replace("—", "-").casefold()


def tokenize(text: str) -> list[Token]:
    """Tokens with character offsets; "Russia's" gives "Russia" and "'s"."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        s, e, t = m.start(), m.end(), m.group()
        # a trailing dot is sentence punctuation unless the word has inner dots (U.S.)
        if t.endswith(".") and len(t) > 1 and "." not in t[:-1]:
            e -= 1
            t = t[:-1]
        if len(t) > 2 and t[-2:] in _POSSESSIVE:
            out.append(Token(s, e - 2, t[:-2], normalise(t[:-2])))
            out.append(Token(e - 2, e, t[-2:], "'s"))
        else:
            out.append(Token(s, e, t, normalise(t)))
        if m.end() != e:
            out.append(Token(e, m.end(), ".", "."))
    return out


# shorter words are too often other words one letter away ("Niger", "Nigel")
MIN_TYPO_LEN = 7
MIN_TYPO_LEN_AFTER_GIVEN = 5


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def key_of(surface: str) -> str:
    """The lookup key of a surface form: its normalised tokens, without a leading "the"."""
    norms = [t.norm for t in tokenize(surface)]
    if len(norms) > 1 and norms[0] == "the":
        norms = norms[1:]
    return " ".join(norms)


@dataclass(frozen=True, slots=True)
class State:
    code: str
    iso2: str | None
    cow: int | None
    name: str
    status: str  # member observer other former user
    valid_from: str | None
    valid_to: str | None
    successor: str | None
    split_into: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form can denote."""

    kind: str  # state igo organization person role
    name: str
    codes: tuple[str, ...] = ()  # candidate country codes; several = ambiguous
    form: str = "name"  # name adjective demonym capital metonym alias leader cue
    sector: str | None = None
    role: str | None = None
    code: str | None = None  # IGO code
    confidence: float = 1.0
    start: str | None = None  # a leader's tenure
    end: str | None = None
    cue_kind: str | None = None  # for role cues: person or organization
    acronym: bool = False  # "US", "UN": must be written in capitals


@dataclass
class Gazetteer:
    states: dict[str, State] = field(default_factory=dict)
    index: dict[str, list[Entry]] = field(default_factory=dict)
    cues: dict[str, Entry] = field(default_factory=dict)  # role words
    first: set[str] = field(default_factory=set)  # first tokens of index keys
    cue_first: set[str] = field(default_factory=set)
    max_len: int = 1
    predecessors: dict[str, list[str]] = field(default_factory=dict)
    _typo_index: dict[str, set[str]] | None = None  # deletion variants → names
    _respellings: dict[str, str | None] = field(default_factory=dict)  # words recur
    _today: dict[str, str | None] = field(default_factory=dict)  # asked for every event

    # -- building ---------------------------------------------------------

    def add(self, surface: str, entry: Entry, *, front: bool = False) -> None:
        key = key_of(surface)
        if not key:
            return
        if surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 5:
            entry = replace(entry, acronym=True)
        bucket = self.index.setdefault(key, [])
        if entry in bucket:
            return
        if front:
            bucket.insert(0, entry)
        else:
            bucket.append(entry)
        self.first.add(key.split(" ", 1)[0])
        self.max_len = max(self.max_len, key.count(" ") + 1)

    def add_cue(self, surface: str, entry: Entry) -> None:
        key = key_of(surface)
        self.cues[key] = entry
        self.cue_first.add(key.split(" ", 1)[0])
        self.max_len = max(self.max_len, key.count(" ") + 1)

    def add_state(self, state: State) -> None:
        self.states[state.code] = state
        self._today.clear()  # a new state may succeed one already asked for
        for nxt in (state.successor, *state.split_into):
            if nxt:
                self.predecessors.setdefault(nxt, []).append(state.code)

    # -- lookups ------------------------------------------------------------

    def lookup(self, surface: str) -> list[Entry]:
        """Entries for a surface form ("the Soviets", "Kyiv", "Burkinabé")."""
        return list(self.index.get(key_of(surface), ()))

    def split_compounds(self, tokens: list[Token]) -> list[Token]:
        """Tokens with a compound of state words ("Sino-Japanese", "Eritrean–Ethiopian")
        cut at its hyphens, so that each state is found; a name that is one as a whole
        ("Guinea-Bissau", "Austria-Hungary") stays whole."""
        out: list[Token] = []
        for tok in tokens:
            parts = tok.text.split("-")
            if len(parts) < 2 or tok.norm in self.index or not all(
                    p[:1].isupper() for p in parts) or not any(
                    any(e.kind == "state" for e in self.index.get(normalise(p), ()))
                    for p in parts if normalise(p) not in COMBINING_FORMS):
                out.append(tok)
                continue
            at = tok.start
            for k, part in enumerate(parts):
                if k:
                    out.append(Token(at, at + 1, "-", "-"))
                    at += 1
                out.append(Token(at, at + len(part), part, normalise(part)))
                at += len(part)
        return out

    def matches(self, tokens: list[Token]) -> Iterator[tuple[int, int, list[Entry]]]:
        """Longest gazetteer matches over tokens: (first token, end token, entries); a
        misspelt state or leader's name ("Ethopia", "President Bouteflicka") is read as
        the name it is one letter away from."""
        norms = self._spelled(tokens)
        i, n = 0, len(tokens)
        while i < n:
            if norms[i] in self.first:
                for j in range(min(n, i + self.max_len), i, -1):
                    key = " ".join(norms[i:j])
                    entries = self.index.get(key)
                    if entries:
                        yield i, j, entries
                        i = j - 1
                        break
            i += 1

    def _spelled(self, tokens: list[Token]) -> list[str]:
        norms = [t.norm for t in tokens]
        for k, tok in enumerate(tokens):
            # a shorter name may be a slip only after a given name ("Laurent Gbago")
            given = k > 0 and norms[k - 1] in self.first
            if len(tok.norm) < (MIN_TYPO_LEN_AFTER_GIVEN if given else MIN_TYPO_LEN) or \
                    tok.norm in self.first or not tok.text[:1].isupper() or \
                    not tok.norm.isalpha():
                continue
            word = self._respelled(tok.norm)
            if word is None:
                continue
            from dyad.reference.places import is_town  # the towns table: only when needed

            # a slip is rarely in the first letter ("Siberia" is no Liberia) or a letter
            # added at the end ("the Americas", "Frances"), and a real town's name is no
            # slip ("Columbia", "Granada")
            if word[0] != tok.norm[0] or tok.norm.startswith(word) or is_town(tok.text):
                continue
            entries = self.index[word]
            beside = [t.text[:1].isupper() and t.norm.isalpha()
                      for t in tokens[max(k - 1, 0):k] + tokens[k + 1:k + 2]]
            if any(e.kind == "state" for e in entries) and any(beside):
                continue  # "Georgina Smith", "Robert Englund": a name among names
            # a person's name needs a title or their given name before it: "Johnston" is
            # someone else, "President Bouteflicka" and "François Mitterand" are not
            given_name = k and any(normalise(e.name).split()[0] == norms[k - 1]
                                   for e in entries)
            if all(e.kind == "person" for e in entries) and not (
                    given_name or (k and norms[k - 1] in self.cues)):
                continue
            if len(tok.norm) < MIN_TYPO_LEN and not given_name:
                continue
            norms[k] = word
        return norms

    def _respelled(self, word: str) -> str | None:
        """The one name ``word`` is a single edit (or swap) away from, if just one."""
        if word in self._respellings:
            return self._respellings[word]
        if self._typo_index is None:
            index: dict[str, set[str]] = {}  # built whole, then published: threads share it
            for key, entries in self.index.items():
                if len(key) >= MIN_TYPO_LEN_AFTER_GIVEN - 1 and key.isalpha() and any(
                        (e.kind == "state" and e.form in ("name", "alias"))
                        or (e.kind == "person" and e.form == "leader") for e in entries):
                    for variant in _deletions(key) | {key}:
                        index.setdefault(variant, set()).add(key)
            self._typo_index = index
        near = set()
        for variant in _deletions(word) | {word}:
            near |= self._typo_index.get(variant, set())
        near = {w for w in near if one_edit(word, w)}
        found = self._respellings[word] = near.pop() if len(near) == 1 else None
        return found

    def cue_matches(self, tokens: list[Token]) -> Iterator[tuple[int, int, Entry]]:
        """Longest role-word matches ("foreign minister", "ambassador", "army")."""
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i].norm in self.cue_first:
                for j in range(min(n, i + 4), i, -1):
                    entry = self.cues.get(" ".join(t.norm for t in tokens[i:j]))
                    if entry:
                        yield i, j, entry
                        i = j - 1
                        break
            i += 1

    def state_today(self, code: str) -> str | None:
        """The state that holds ``code`` today, following successors (SUN → RUS)."""
        if code not in self._today:
            self._today[code] = self.state_at(code, "2100-01-01")
        return self._today[code]

    def state_at(self, code_or_name: str, date: str | None) -> str | None:
        """The code of the state that held ``code_or_name`` at ``date`` (ISO, any precision).

        Before a state existed, its predecessor (SUN for RUS before 26 December 1991);
        after a state ended, the state that continued it (ZAR → COD). Without a date,
        or where no link fits, the code itself. A year or a month in which the state
        existed at all keeps it: "in 1991, Croatia …" is Croatia, whatever the day.
        """
        code = code_or_name if code_or_name in self.states else None
        if code is None:
            for e in self.lookup(code_or_name):
                if e.kind == "state" and len(e.codes) == 1:
                    code = e.codes[0]
                    break
        if code is None or not date:
            return code
        day = _pad(date)
        if len(date[:10]) < 10 and self._valid_within(code, day, _last_day(date)):
            return code
        return self._back(code, day, 0) or self._forward(code, day)

    def existed(self, code: str, date: str | None) -> bool:
        """The state existed at some time in ``date`` (ISO, any precision); True
        without a date or for a code the table does not hold."""
        if not date:
            return True
        return self._valid_within(code, _pad(date), _last_day(date))

    def _valid_within(self, code: str, first: str, last: str) -> bool:
        """The state existed on some day from ``first`` to ``last`` (ISO days)."""
        s = self.states.get(code)
        return s is None or ((not s.valid_from or s.valid_from <= last)
                             and (not s.valid_to or first < s.valid_to))

    def _valid(self, code: str, day: str) -> bool:
        return self._valid_within(code, day, day)

    def _back(self, code: str, day: str, depth: int) -> str | None:
        if self._valid(code, day):
            return code
        s = self.states[code]
        if depth > 6 or not s.valid_from or day >= s.valid_from:
            return None
        preds = self.predecessors.get(code, [])
        # continuators first: "Germany" in 1970 is West Germany, which DEU continues
        preds = sorted(preds, key=lambda p: self.states[p].successor != code)
        for p in preds:
            if self._valid(p, day):
                return p
        for p in preds:
            # go further back only through a state this one continues, so Senegal
            # does not become French Sudan by way of the Mali Federation
            if self.states[p].successor == code:
                found = self._back(p, day, depth + 1)
                if found:
                    return found
        return code if depth == 0 else None

    def _forward(self, code: str, day: str) -> str:
        seen = {code}
        while not self._valid(code, day):
            s = self.states[code]
            if not s.successor or (s.valid_to and day < s.valid_to) or s.successor in seen:
                break
            code = s.successor
            seen.add(code)
        return code

    def name_of(self, code: str) -> str:
        s = self.states.get(code)
        return s.name if s else code


def _pad(date: str) -> str:
    """"1991" → "1991-01-01": a partial date compares as its first day."""
    date = date[:10]
    if len(date) == 4:
        return date + "-01-01"
    if len(date) == 7:
        return date + "-01"
    return date


def _last_day(date: str) -> str:
    """"1991" → "1991-12-31", "1991-06" → "1991-06-31": a bound for comparing ISO days."""
    date = date[:10]
    return date + ("-12-31" if len(date) == 4 else "-31" if len(date) == 7 else "")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if not ln.startswith("#") and ln.strip()]
    except OSError as e:
        raise DataError(f"{path}: cannot read gazetteer file ({e.strerror})") from e
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"{path}: row {n} has the wrong number of columns")
        yield {k: v.strip() for k, v in row.items()}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _plural(word: str) -> str | None:
    """"Malian" → "Malians"; no plural for "French", "Chinese", "Swiss", "Burkinabé"."""
    if word.endswith(("ese", "sh", "ch", "ss", "s", "z", "x", "é", "è")):
        return None
    return word + "s"


def _load_builtin() -> Gazetteer:
    g = Gazetteer()
    former: list[tuple[str, State, list[str], list[str], list[str]]] = []
    for row in _rows(DATA_DIR / "states.tsv"):
        state = State(
            code=row["code"], iso2=row["iso2"] or None,
            cow=int(row["cow"]) if row["cow"] else None, name=row["name"],
            status=row["status"], valid_from=row["valid_from"] or None,
            valid_to=row["valid_to"] or None, successor=row["successor"] or None,
            split_into=tuple(_split(row["split_into"])),
        )
        g.add_state(state)
        item = (row["code"], state, _split(row["names"]), _split(row["capital"]),
                _split(row["adjectives"]))
        if state.status == "former":
            former.append(item)
        else:
            _add_state_forms(g, *item)
    # former states last: where a form is shared ("Moscow", "Burma"), the current
    # state comes first and era resolution picks the former one by date
    for item in former:
        _add_state_forms(g, *item, only_new=True)
    for row in _rows(DATA_DIR / "aliases.tsv"):
        codes = tuple(_split(row["codes"]))
        name = g.name_of(codes[0]) if len(codes) == 1 else row["surface"]
        # an alias row says all there is to say about its form ("Georgia" is unsure)
        g.index.pop(key_of(row["surface"]), None)
        g.add(row["surface"], Entry("state", name, codes, "alias",
                                    confidence=float(row["confidence"])))
    for row in _rows(DATA_DIR / "metonyms.tsv"):
        g.add(row["surface"], Entry(row["kind"], row["surface"], (row["code"],), "metonym",
                                    sector=row["sector"] or None), front=True)
    for row in _rows(DATA_DIR / "igos.tsv"):
        e = Entry("igo", row["name"], (), "name", code=row["code"])
        for s in (row["name"], *_split(row["aliases"])):
            g.add(s, e, front=True)
    for row in _rows(DATA_DIR / "organizations.tsv"):
        # no country: a body that acts across borders (Amnesty International, al-Qaeda)
        e = Entry("organization", row["name"], (row["country"],) if row["country"] else (),
                  "name", sector=row["sector"] or None)
        for s in (row["name"], *_split(row["aliases"])):
            g.add(s, e, front=True)
    for row in _rows(DATA_DIR / "roles.tsv"):
        g.add_cue(row["cue"], Entry("role", row["cue"], (), "cue", sector=row["sector"] or None,
                                    role=row["role"] or None, cue_kind=row["kind"]))
    _load_leaders(g, _rows(DATA_DIR / "leaders.tsv"))
    return g


def _add_state_forms(g: Gazetteer, code: str, state: State, names: list[str],
                     capitals: list[str], adjectives: list[str], only_new: bool = False) -> None:
    def add(surface: str, entry: Entry) -> None:
        if only_new and key_of(surface) in g.index:
            return
        g.add(surface, entry)

    add(state.name, Entry("state", state.name, (code,), "name"))
    for n in names:
        add(n, Entry("state", state.name, (code,), "name"))
    for c in capitals:
        add(c, Entry("state", state.name, (code,), "capital", confidence=0.8))
    for a in adjectives:
        add(a, Entry("state", state.name, (code,), "adjective", confidence=0.9))
        p = _plural(a)
        if p:
            add(p, Entry("state", state.name, (code,), "demonym", confidence=0.9))


def _load_leaders(g: Gazetteer, rows: Iterator[dict[str, str]]) -> None:
    entries: list[tuple[list[str], Entry]] = []
    for row in rows:
        e = Entry("person", row["name"], (row["country"],), "leader", sector=row["sector"] or None,
                  role=row["role"] or None, start=row.get("start") or None,
                  end=row.get("end") or None)
        forms = [row["name"], *_split(row.get("aliases", ""))]
        entries.append((forms, e))
    for forms, e in entries:
        for f in forms:
            g.add(f, e, front=True)


def _load_user(g: Gazetteer, path: Path) -> None:
    """A user's TSV: kind, surface, code, sector, role, start, end (the last four optional).

    kind: state (a name for a state code, new or known), igo, organization, person.
    User rows come before the built-in ones for the same surface form.
    """
    if not path.is_file():
        raise DataError(f"{path}: gazetteer file not found")
    for row in _rows(path):
        kind, surface, code = row.get("kind", ""), row.get("surface", ""), row.get("code", "")
        sector = row.get("sector") or None
        if not surface or not code or kind not in ("state", "igo", "organization", "person"):
            raise DataError(f"{path}: each row needs kind (state, igo, organization, person), "
                            f"surface and code; got {row}")
        if kind == "state":
            if code not in g.states:
                g.add_state(State(code, None, None, surface, "user", None, None, None))
            g.index.pop(key_of(surface), None)
            g.add(surface, Entry("state", g.name_of(code), (code,), "name", sector=sector))
        elif kind == "igo":
            g.add(surface, Entry("igo", surface, (), "name", code=code), front=True)
        elif kind == "organization":
            g.add(surface, Entry("organization", surface, (code,), "name", sector=sector),
                  front=True)
        else:
            g.add(surface, Entry("person", surface, (code,), "leader", sector=sector or "GOV",
                                 role=row.get("role") or None, start=row.get("start") or None,
                                 end=row.get("end") or None), front=True)


@lru_cache(maxsize=8)
def load_gazetteer(user_file: str | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by a user's file when given (cached per file)."""
    g = _load_builtin()
    if user_file:
        _load_user(g, Path(user_file))
    return g
