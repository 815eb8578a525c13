"""Event triggers: verbs and nouns that name a CAMEO event, found with the dependency parse.

The patterns live in dyad/data/lexicon/triggers.tsv (pattern syntax in its header). A token
matches a row when its lemma is one of the row's lemmas and every cue the row names (particle,
preposition, object head, complement verb, modifier) is present among its dependents; the
most specific row wins. Each trigger also carries a ``status`` guess from its governors
("said" → reported, "pledged to" → pledged, "would" → hypothetical, "did not" → negated).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from dyad.errors import DataError
from dyad.ontology import cameo

__all__ = ["ENVOY_NOUNS", "REPORTING_CODE", "SENT_OUT", "STATUSES", "Pattern", "Trigger",
           "find_triggers", "first_conjunct", "is_background", "main_trigger"]

STATUSES = ("asserted", "alleged", "speculated", "reported", "pledged", "planned", "denied",
            "negated", "hypothetical")
REPORTING_CODE = "010"

_OBJ_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "obj", "acomp"}
_PREP_DEPS = {"prep", "agent", "dative"}
_COMP_DEPS = {"xcomp", "ccomp", "pcomp", "acl", "advcl", "relcl"}
_MOD_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}

# Governing words → status; the nearest governor decides.
_STATUS_WORDS = {
    "pledged": {"pledge", "promise", "vow", "commit", "undertake", "offer", "guarantee",
                "willing", "ready", "prepared", "determined", "swear", "willingness",
                "readiness", "commitment"},
    "planned": {"plan", "intend", "intention", "intent", "decision", "schedule", "expect",
                "prepare", "aim", "decide", "due",
                "propose", "seek", "hope", "want", "set", "agree", "consider", "mull",
                "weigh", "contemplate"},
    "denied": {"deny", "dismiss", "refute", "rebut"},
    "alleged": {"accuse", "allege", "claim", "suspect", "charge", "blame", "allegedly"},
    "speculated": {"believe", "think", "speculate", "rumour", "rumor", "appear", "seem",
                   "likely", "possibly", "perhaps", "probably", "reportedly_believed"},
    "reported": {"say", "tell", "report", "announce", "state", "according", "reportedly",
                 "add", "confirm", "quote", "write", "note", "declare"},
}
_MODAL_STATUS = {"will": "planned", "shall": "planned", "'ll": "planned", "would": "hypothetical",
                 "could": "speculated", "may": "speculated", "might": "speculated",
                 "should": "hypothetical"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs that only host an event named by their subject: "donations of arms arrived".
_HOST_VERBS = {"arrive", "begin", "start", "take", "occur", "continue", "end", "follow", "come",
               "happen", "resume", "last", "reach"}

# Cooperative codes stated as intentions become CAMEO's "express intent" codes (PLOVER AGREE:
# "cooperative actions reported in future tense are also taken to imply intentions").
_INTENT = {
    "04": "036", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312",
    "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
    "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353",
    "085": "0354", "086": "0355", "087": "0356",
}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon row, for one lemma."""

    pos: str  # "verb" | "noun"
    lemma: str
    head_mod: str | None  # first part of a multiword noun lemma ("hunger" of hunger_strike)
    particles: frozenset[str]
    preps: frozenset[str]
    objects: frozenset[str]
    comps: frozenset[str]
    mods: frozenset[str]
    cameo: str
    note: str
    order: int
    subjects: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        return 1 + sum(bool(x) for x in (self.particles, self.preps, self.objects, self.comps,
                                         self.mods, self.head_mod, self.subjects))


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that names an event. Offsets are relative to the sentence span."""

    i: int  # token index within the sentence
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    cameo: str
    plover_type: str | None
    negated: bool
    status: str
    base_cameo: str  # the lexicon's code before the intent rule
    pattern: str  # the lexicon note of the matched row
    specificity: int
    depth: int  # dependency distance from the sentence root
    governors: tuple[str, ...]  # lemmas of the governing words, nearest first
    cue: str | None  # the word that set the status
    # "X said Y must leave": a demand by the speaker on the clause's subject
    demand_clause: bool = False
    dep: str = ""  # the word's dependency label: "advcl" marks a side clause
    background: bool = False  # a noun in "during …", "under …": an event referred to

    @property
    def is_reporting(self) -> bool:
        return self.base_cameo == REPORTING_CODE


def _alts(value: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in value.split("|") if v.strip())


ANY_OBJECT = frozenset({"*"})  # a lexicon row's ">*": any direct object


def _parse_pattern(pos: str, text: str, code: str, note: str, order: int) -> list[Pattern]:
    parts = text.split()
    lemmas, cues = parts[0], parts[1:]
    slots: dict[str, frozenset[str]] = {k: frozenset() for k in "~+>^@<"}
    for cue in cues:
        if cue[0] not in slots:
            raise DataError(f"triggers.tsv: bad cue {cue!r} in pattern {text!r}")
        slots[cue[0]] = _alts(cue[1:])
    out = []
    for lemma in _alts(lemmas):
        head_mod = None
        if pos == "noun" and "_" in lemma:  # hunger_strike: head "strike" with modifier
            head_mod, lemma = lemma.rsplit("_", 1)
        out.append(Pattern(pos, lemma, head_mod, slots["~"], slots["+"], slots[">"], slots["^"],
                           slots["@"], code, note, order, slots["<"]))
    return out


@cache
def load_lexicon() -> dict[tuple[str, str], list[Pattern]]:
    """(pos, lemma) → patterns, from the shipped triggers.tsv (read once)."""
    try:
        text = (resources.files("dyad") / "data" / "lexicon" / "triggers.tsv").read_text("utf-8")
    except OSError as e:
        raise DataError("dyad/data/lexicon/triggers.tsv is missing") from e
    index: dict[tuple[str, str], list[Pattern]] = {}
    order = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("pos\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[0] not in ("verb", "noun"):
            raise DataError(f"triggers.tsv line {n}: expected pos, pattern, cameo, note")
        pos, pattern, code, note = cols
        try:
            cameo(code)
        except KeyError as e:
            raise DataError(f"triggers.tsv line {n}: unknown CAMEO code {code!r}") from e
        for p in _parse_pattern(pos, pattern, code, note, order):
            index.setdefault((p.pos, p.lemma), []).append(p)
        order += 1
    return index


_LOWER_LEMMAS: dict[int, str] = {}  # lemma hash → lower-cased lemma: looked up 100k times a page


def _lemma(tok: Token) -> str:
    found = _LOWER_LEMMAS.get(tok.lemma)
    if found is None:
        found = _LOWER_LEMMAS[tok.lemma] = tok.lemma_.lower()
    return found


@cache
def _phrase_parts(phrase: str) -> tuple[str, tuple[str, ...], str | None]:
    """(head, modifiers, "of" tail) of a lexicon phrase, split once: matching asks ~100k times."""
    if "_of_" in phrase:
        head, _, tail = phrase.partition("_of_")
        return head, (), tail
    *mods, head = phrase.split("_")
    return head, tuple(mods), None


def _phrase_match(tok: Token, phrase: str) -> bool:
    """``tok`` heads ``phrase``: "relation", "diplomatic_relation", "state_of_emergency"."""
    head, mods, tail = _phrase_parts(phrase)
    if tail is not None:
        return _lemma(tok) == head and any(
            _lemma(c) == "of" and any(_lemma(g) == tail for g in c.children)
            for c in tok.children)
    if _lemma(tok) != head and tok.lower_ != head:
        return False
    if not mods:
        return True
    # "economic and military cooperation": a modifier's conjuncts modify the head too
    kids = {_lemma(k) for c in tok.children if c.dep_ in _MOD_DEPS for k in (c, *c.conjuncts)}
    return all(m in kids for m in mods)


def _with_conj(toks: Iterable[Token]) -> list[Token]:
    out = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts)
    return out


# "2,000 tonnes of rice", "$4 million worth of medicine", "ten days of war games": the
# measured thing is the object
_MEASURES = frozenset({"tonne", "ton", "kg", "kilogram", "kilo", "barrel", "litre", "liter",
                       "gallon", "dose", "unit", "batch", "shipment", "consignment", "load",
                       "crate", "bag", "sack", "quantity", "amount", "worth", "lot", "package",
                       "million", "billion", "thousand", "hundred", "dozen", "number",
                       "hour", "day", "week", "month", "year", "round", "series"})


_TIMES = frozenset({"hour", "day", "week", "month"})


def _objects(tok: Token, preps: list[Token]) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    # "closed off their airspaces": the parser may hang the object on the particle
    objs += [o for c in tok.children if c.dep_ == "prt" for o in c.children if o.dep_ == "pobj"]
    for p in preps:
        objs.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
    objs = _with_conj(objs)
    # "summoned Hideo Tarumi, Japan's ambassador": the apposition says what the object is
    objs += [a for o in objs for a in o.children if a.dep_ == "appos"]
    return objs + [o for m in objs if _lemma(m) in _MEASURES for of in m.children
                   if of.dep_ == "prep" and of.lower_ == "of"
                   for o in _with_conj([c for c in of.children if c.dep_ == "pobj"])]


@cache
def _phrase_heads(phrases: frozenset[str]) -> frozenset[str]:
    """The head words of a pattern's phrases: a word that is none of them (as lemma or as
    written) matches no phrase, so most candidates are turned down by one set lookup."""
    return frozenset(_phrase_parts(ph)[0] for ph in phrases)


class _Kids:
    """A token's dependents sorted by role, made once for all of its candidate patterns
    (reading a Token's attributes is slow, and a lemma has up to a dozen patterns)."""

    __slots__ = ("_objects", "comps", "mods", "preps", "prts", "tok")

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self.prts: list[Token] = []
        self.preps: list[Token] = []
        self.comps: list[Token] = []
        self.mods: list[Token] = []
        for c in tok.children:
            dep = c.dep_
            if dep == "prt":
                self.prts.append(c)
            if dep in _PREP_DEPS:
                self.preps.append(c)
            if dep in _COMP_DEPS:
                self.comps.append(c)
            if dep in _MOD_DEPS:
                self.mods.append(c)
        self._objects: dict[frozenset[str], list[Token]] = {}

    def objects(self, preps: list[Token], key: frozenset[str]) -> list[Token]:
        """``_objects(tok, preps)`` (a fresh list); ``key`` names the preps: the pattern's
        prepositions that picked them, empty for all of them."""
        found = self._objects.get(key)
        if found is None:
            found = self._objects[key] = _objects(self.tok, preps)
        return list(found)


def _match(tok: Token, p: Pattern, kids: _Kids | None) -> list[Token] | None:
    """The dependents the pattern used (to suppress their own triggers), or None.
    The cheap cues are tried first; only the objects and subjects need a walk."""
    kids = kids or _Kids(tok)
    if p.particles and not any(_lemma(c) in p.particles for c in kids.prts):
        return None
    if p.mods and not any(_lemma(c) in p.mods for c in kids.mods):
        return None
    if p.head_mod and not _phrase_match(tok, f"{p.head_mod}_{p.lemma}"):
        return None
    preps = kids.preps
    if p.preps:
        preps = [c for c in preps if _lemma(c) in p.preps]
        if not preps:
            return None
    used: list[Token] = []
    comps: list[Token] = []
    if p.comps:
        comps = list(kids.comps)
        for prep in preps:
            comps.extend(c for c in prep.children if c.dep_ == "pcomp")
        # "gave the envoy 24 hours to leave": the parser hangs the clause on the hours
        comps.extend(c for m in kids.tok.children if _lemma(m) in _TIMES
                     for c in m.children if c.dep_ in ("relcl", "acl"))
        comps = [c for c in _with_conj(comps) if _lemma(c) in p.comps]
        if not comps:
            return None
        # the complement a pattern names is part of its event ("agreed to provide aid"); a
        # side clause it also matched ("…, sending arms") stays an event of its own
        used.extend(c for c in comps if c.dep_ in ("xcomp", "ccomp", "pcomp"))
    if p.objects:
        # The object may belong to the complement verb: "threatened to impose sanctions".
        cands = kids.objects(preps, p.preps)  # all of the token's preps when p.preps is empty
        for comp in comps:
            cands.extend(_objects(comp, [c for c in comp.children if c.dep_ in _PREP_DEPS]))
        if p.objects == ANY_OBJECT:  # ">*": "returned the paintings", not "returned home"
            hits = [o for o in cands if o.dep_ == "dobj"] or [
                c for c in tok.children if c.dep_ == "nsubjpass"] or [  # "was returned to X"
                o for v in tok.children if v.dep_ == "conj" and v.pos_ == "VERB"
                for o in v.children if o.dep_ == "dobj"]  # "recognized and thanked Mali"
        else:
            heads = _phrase_heads(p.objects)
            hits = [o for o in cands if (_lemma(o) in heads or o.lower_ in heads)
                    and any(_phrase_match(o, ph) for ph in p.objects)]
        if not hits:
            return None
        used.extend(hits)
    if p.subjects and not any(any(_phrase_match(s, ph) for ph in p.subjects)
                              for s in _subjects(tok)):
        return None
    return used


def _acted_on(tok: Token, code: str) -> list[Token]:
    """Nouns that only restate a verb's event: its objects ("granted Mali loans"), its
    complement verb's objects ("agreed to expand cooperation"), and a noun of the same kind
    in its phrases ("seized power in a coup", "travelled to Moscow for the summit")."""
    kids = list(tok.children)  # walked three times
    objs = [c for c in kids if c.dep_ in ("dobj", "dative")]
    for comp in kids:
        if comp.dep_ == "xcomp" and comp.pos_ == "VERB":
            objs += [c for c in comp.children if c.dep_ == "dobj"]
    out = _with_conj(objs)
    if code == _RECALL:
        # "recalled its ambassador for consultations": the purpose, no meeting of its own
        out += [o for prep in kids if prep.dep_ == "prep" and prep.lower_ == "for"
                for o in prep.children if o.dep_ == "pobj"]
    if code[:2] == "16":
        # "suspended all contracts for the supply of military hardware": what is stopped
        out += [o for d in out for prep in d.children if prep.dep_ == "prep"
                and prep.lower_ in ("for", "of") for o in prep.children if o.dep_ == "pobj"]
    if code in _SIGNING:
        # "signed 20 agreements covering cooperation on mining, health …", "signed a
        # treaty of alliance": what the agreements cover is their content, not acts of
        # their own
        covering = [c for c in kids if c.dep_ == "advcl" and _lemma(c) in _COVERS]
        out += [d for c in covering for d in c.subtree if d.pos_ == "NOUN"]
        out += [o for d in list(out) for prep in d.children if prep.dep_ == "prep"
                and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]
    for prep in kids:
        if prep.dep_ == "prep":
            out += [o for o in prep.children if o.dep_ == "pobj"
                    and any(q.cameo[:2] == code[:2] for q in _noun_patterns(o))]
    return out


_SIGNING = frozenset({"057"})  # CAMEO: sign formal agreement
_RECALL = "161"  # CAMEO: reduce or break diplomatic relations (recall an envoy)
_COVERS = frozenset({"cover", "include", "involve", "concern", "span", "address"})


def _noun_patterns(tok: Token) -> list[Pattern]:
    return load_lexicon().get(("noun", _lemma(tok)), [])


_GROUP_NOUNS = frozenset({"group", "team", "contingent", "batch", "detachment", "party", "unit",
                          "number", "dozen", "hundred", "thousand", "delegation"})


def _subjects(tok: Token) -> list[Token]:
    """The subject heads of ``tok``'s clause: "troops began arriving" → troops."""
    cur = tok
    for _ in range(4):
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs or cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            # "a group of Russian military instructors arrived": the instructors
            subs += [o for sub in subs if _lemma(sub) in _GROUP_NOUNS for prep in sub.children
                     if prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]
            return _with_conj(subs)
        cur = cur.head
    return []


def _pos_of(tok: Token) -> str | None:
    pos = tok.pos_  # read once: asked of every word of every sentence
    if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
        return "verb"
    if pos in ("NOUN", "PROPN"):
        return "noun"
    return None


def _negated(tok: Token) -> bool:
    kids = list(tok.children)  # walked twice: a Token's children are found anew each time
    if any(c.dep_ == "neg" or _lemma(c) in ("never", "no") for c in kids):
        return True
    # "no agreement was reached": the negation sits on the object noun.
    return any(c.dep_ in _OBJ_DEPS and any(_lemma(d) == "no" and d.dep_ == "det"
                                             for d in c.children) for c in kids)


def _governors(tok: Token) -> list[Token]:
    out = []
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        out.append(cur)
    return out


def _status(tok: Token, negated: bool, reporting_under: bool,
            governors: list[Token]) -> tuple[str, str | None]:
    """Nearest cue wins: the trigger's own modal or adverb, then each governor in turn."""
    chain = [tok, *governors]
    for depth, node in enumerate(chain):
        lemma = _lemma(node)
        if depth > 0:
            if node.i + 1 < len(node.doc) and lemma == "accord" and \
                    node.nbor(1).lower_ == "to":
                return "reported", "according to"
            for status, words in _STATUS_WORDS.items():
                if lemma in words and node.pos_ in ("VERB", "ADJ", "ADV", "NOUN"):
                    if status == "denied" and negated:
                        return "denied", lemma
                    return status, lemma
        if depth == 0 and negated:
            return "negated", "not"
        if depth == 1 and chain[0].dep_ == "nsubjpass" and lemma in _EXAMINING:
            break  # "his death should be investigated": the modal is the inquiry's
        kids = list(node.children)  # walked twice
        for c in kids:
            cl = _lemma(c)
            if c.dep_ == "aux" and c.lower_ == "would" and _told_later(node, kids):
                return "asserted", None  # "the conflict would begin in medieval times"
            if c.dep_ == "aux" and c.lower_ in _MODAL_STATUS:
                status = _MODAL_STATUS[c.lower_]
                if status == "hypothetical" and c.lower_ == "would" and reporting_under:
                    status = "planned"  # future in the past: "said it would send"
                return status, c.lower_
            if c.dep_ == "mark" and cl in _CONDITIONAL_MARKS:
                return "hypothetical", cl
            if c.dep_ == "advmod" and cl in ("reportedly", "allegedly", "possibly",
                                               "probably", "perhaps"):
                return ("reported" if cl == "reportedly" else
                        "alleged" if cl == "allegedly" else "speculated"), cl
        if any(c.dep_ == "prep" and _lemma(c) == "accord" for c in kids):
            # after "allegedly" on the same word: "According to X, Y allegedly …" is alleged
            return "reported", "according to"
        if node.dep_ in ("advcl", "relcl") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in kids):
            break  # "accused Congo, a day after its envoy was expelled": a time, not a claim
        if depth > 0 and lemma in ("fail", "refuse") and _negated(node):
            return "negated", lemma
        if depth > 0 and lemma in _CARRIERS and _negated(node) and _object_of(tok, node):
            return "negated", "not"  # "have never been engaged in a war"
    return "asserted", None


# verbs whose passive subject is only looked into: "the killing should be investigated"
_EXAMINING = frozenset({"investigate", "probe", "examine", "review", "discuss", "debate",
                        "study", "consider", "raise"})
# what opens a clause that only says when the governing act happened
_TIME_MARKS = frozenset({"after", "before", "when", "while", "until", "once"})


# "would" in a history tells what came later, not what might be: "the conflict would begin
# in medieval Ethiopia", "he would later become president"
_LATER_VERBS = frozenset({"begin", "become", "continue", "remain", "last", "prove", "go",
                          "come", "follow", "start", "end"})
_LATER_WORDS = frozenset({"later", "eventually", "soon", "subsequently", "ultimately"})


def _told_later(node: Token, kids: list[Token]) -> bool:
    return _lemma(node) in _LATER_VERBS or any(
        c.dep_ == "advmod" and c.lower_ in _LATER_WORDS for c in kids)


def _perfect(chain: list[Token]) -> bool:
    """Whether "have" helps any verb of the chain ("may have attacked")."""
    return any(c.dep_ == "aux" and _lemma(c) == "have" for t in chain for c in t.children)


# verbs that only carry a noun's event ("engaged in a war", "reached no agreement"): their
# "not" is the event's; "did not hide its support" or "did not end its aid" is no denial
_CARRIERS = frozenset({"engage", "be", "have", "hold", "reach", "conclude", "sign", "wage",
                       "launch", "conduct", "carry", "make", "take", "stage", "enter", "go",
                       "give", "provide", "offer", "receive", "get", "see", "mount"})


def _object_of(noun: Token, verb: Token) -> bool:
    """``noun`` (a noun trigger) is what ``verb`` acts on, through objects and
    prepositions only ("engaged in a war", "signed no pact")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    cur = noun
    while cur.i != verb.i:
        if cur.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubjpass", "compound"):
            return False
        cur = cur.head
    return True


# a planned conflictual act under these cues is done, not held over the other side
_DECISIONS = frozenset({"decide", "decision"})
# a conflictual act these words announce is held over the other side: a threat
_WARNING = frozenset({"warn", "threaten", "caution"})


def _intent(code: str) -> str:
    for key in (code[:3], code[:2]):
        if key in _INTENT:
            return _INTENT[key]
    return code


# Conflictual acts announced for the future are threats (CAMEO 13): parent code → threat code.
_THREAT = {
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
    "164": "134", "165": "135", "166": "136", "17": "132", "172": "132", "1723": "1323",
    "1724": "1324", "173": "137", "175": "137", "18": "138", "19": "138", "191": "1381",
    "192": "1382", "20": "138", "204": "1385", "2041": "1385", "2042": "1385",
}


def _threat(code: str) -> str:
    for key in (code, code[:3], code[:2]):
        if key in _THREAT:
            return _THREAT[key]
    return code


def _must(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children)


# "X said Y must …", "a reminder that Y must …": a clause under a verb or noun of saying
_DEMAND_CLAUSE_DEPS = frozenset({"ccomp", "acl"})
# Nouns after which a small noun trigger is only a modifier: "war games", "peacekeeping
# troops"; a light head keeps it: "aid package", "coup attempt".
_LIGHT_HEADS = frozenset({"attempt", "plot", "bid", "package", "programme", "program", "plan",
                          "effort", "campaign", "convoy", "delivery", "shipment", "deal",
                          "mission", "flight", "operation"})


# Nouns in these phrases name an earlier or ongoing event the sentence refers to, not an
# event it tells: "under the cultural agreement", "during the ongoing invasion".
_BACKGROUND_PREPS = frozenset({"under", "during", "amid", "amidst", "despite", "following",
                               "after", "before", "since", "throughout", "within", "due",
                               "owing", "thanks"})


# "in need of support", "the lack of cooperation": nouns of wanting, not of doing
_WANTING = frozenset({"need", "lack", "absence", "hope", "prospect", "possibility", "shortage",
                      "want", "desire"})


# nouns whose phrase names an event as a topic, not as done: "a role in the conflict", "a
# solution to the dispute", "talks on the war"
_TOPICS = frozenset({"role", "solution", "settlement", "resolution", "mediation", "talk",
                     "negotiation", "stance", "position", "view"})
# verbs of keeping what was agreed before: their object is no new agreement
_COMPLYING = frozenset({"comply", "honour", "honor", "fulfil", "fulfill", "abide", "respect",
                        "observe", "uphold", "implement"})
# verbs of a relationship that moves between states of itself
_SWINGING = frozenset({"vacillate", "oscillate", "alternate", "swing", "fluctuate", "range",
                       "shift", "waver", "veer"})
# nouns whose infinitive names what might be done: "ways to deepen ties", "opportunities to
# expand trade"
_PROSPECTS = frozenset({"way", "means", "step", "opportunity", "prospect", "possibility",
                        "option", "avenue", "mechanism", "idea"})
# "stemming from", "resulting from": what follows is the cause, told as background
_CAUSED = frozenset({"stem", "result", "arise", "derive", "originate", "spring"})
# verbs that describe their subject rather than tell an act: "contacts date back to the
# 15th century", "cooperation remained limited"
_DESCRIBING = frozenset({"date", "remain", "stem", "vacillate", "fluctuate", "trace", "go"})


def first_conjunct(tok: Token) -> Token:
    """The first of the words ``tok`` is coordinated with ("the revolution and the
    overthrow": the revolution), which holds their shared role in the clause."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _noun_is_event(tok: Token) -> bool:
    """A noun trigger that names an event: not a modifier of another noun ("war games"),
    not a word of a title ("Representative for International Cooperation"); a colony only
    as what a state became ("Korea became a colony of Japan"), not as what it was."""
    if _lemma(tok) in SUBJUGATION:
        return tok.dep_ in ("attr", "oprd", "ccomp", "xcomp") and \
            _lemma(tok.head) in ("become", "make", "turn", "render")
    if tok.dep_ in ("compound", "nmod") and _lemma(tok.head) not in _LIGHT_HEADS:
        return False
    if _lemma(tok) in ("conference", "briefing") and any(
            _lemma(c) in ("news", "press", "media") for c in tok.children):
        return False  # "Lamamra told a news conference": reporters, not a meeting of states
    first = first_conjunct(tok)
    if first.dep_ == "pobj" and first.head.lower_ == "between" and \
            _lemma(first.head.head) in _SWINGING:
        return False  # "the relationship has vacillated between cooperation and struggle"
    if (tok.dep_ == "dobj" and _lemma(tok.head) in _COMPLYING) or (
            tok.dep_ == "pobj" and _lemma(tok.head.head) in _COMPLYING):
        return False  # "urged it to comply with its human rights commitments": kept, not made
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "of", "over", "on") and \
            _lemma(tok.head.head) in _TOPICS:
        return False  # "hoped to play a role in the Israeli–Palestinian conflict": a topic
    if tok.dep_ == "nsubj" and _lemma(tok.head) in _DESCRIBING and (
            _lemma(tok.head) not in ("date", "go", "trace")
            or any(c.lower_ == "back" for c in tok.head.children)):
        return False
    if tok.pos_ == "PROPN" and _lemma(tok) in _WAR_NAMES and tok.dep_ not in ("pobj", "conj") \
            and tok.head.pos_ in ("VERB", "AUX"):
        return True  # "the 1998 Eritrean–Ethiopian War marked a turning point": a war's name
    return not (tok.pos_ == "PROPN" and _in_title(tok))


# what a state becomes when another takes it over
SUBJUGATION = frozenset({"colony", "protectorate", "dependency", "vassal"})
# the head words of a war's name, which taggers read as the name of a law or a body
_WAR_NAMES = frozenset({"war", "wars"})


# nouns whose "at"/"over" names what was objected to
_OBJECTING = frozenset({"protest", "anger", "outrage", "response", "reaction", "retaliation",
                        "opposition", "objection"})


def is_background(tok: Token) -> bool:
    """"under the cultural agreement", "during the invasion", "since the end of the Cold War":
    an event referred to; "in need of support": one wanted, not done."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    cur = tok
    for _ in range(4):
        while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
            cur = cur.head  # "after the attacks and the war": the war is background too
        if cur.dep_ == "dobj" and cur.head.lower_ in _BACKGROUND_PREPS:
            return True  # "following certain issues like the bombing of …": reasons listed
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        if _lemma(prep) in _BACKGROUND_PREPS or prep.lower_ in _BACKGROUND_PREPS or (
                _lemma(prep) == "to" and _lemma(prep.head) in ("due", "owing", "thanks")) or (
                _lemma(prep) == "from" and _lemma(prep.head) in _CAUSED):
            return True  # "cold relations, stemming from historic conflict": a cause told
        if _lemma(prep) == "of" and _lemma(prep.head) in _WANTING:
            return True
        if prep.lower_ in ("at", "over", "against", "to") and _lemma(prep.head) in _OBJECTING:
            return True  # "recalled its envoy in protest at the war": what was protested
        if prep.lower_ not in ("of", "like", "including") or \
                prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        cur = prep.head  # "the end of the Cold War": climb to "the end"
    return False


def _in_title(tok: Token) -> bool:
    """A capitalised word inside an office's or body's name."""
    if tok.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"):
        return True
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "PROPN" and cur.dep_ == "appos":
            return True  # "…, the Special Representative for Cooperation in the Fight …"
        if cur.pos_ not in ("PROPN", "ADP", "DET", "CCONJ"):
            return False
    return False


def _demand_clause(tok: Token) -> bool:
    """A clause that tells its subject what it must do, reported by someone else."""
    return tok.dep_ in _DEMAND_CLAUSE_DEPS and _must(tok)


def _depth(tok: Token, governors: list[Token]) -> int:
    depth = len(governors)
    if tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
            and any(c.dep_ == "dobj" and _lemma(c) in _CONTENT_NOUNS for c in tok.head.children):
        # "reiterated its demand that Israel ease …": the clause is the demand's content,
        # hung on the verb by the parser
        depth += 1
    return depth


# nouns whose content a "that" clause gives
_CONTENT_NOUNS = frozenset({"demand", "call", "request", "appeal", "warning", "pledge", "promise",
                            "proposal", "insistence", "assurance", "threat", "claim",
                            "accusation", "charge", "allegation", "suggestion", "condition"})


_NO_PATTERNS: list[Pattern] = []  # never changed: a shared default for lexicon look-ups
_DEMAND_PATTERN = Pattern("verb", "", None, frozenset(), frozenset(), frozenset(), frozenset(),
                          frozenset(), "100", "demand clause: Y must …", -1)
# "heads of Chinese companies called on the prime minister": a courtesy call, not an appeal
_CALL_ON_PATTERN = Pattern("verb", "call", None, frozenset(), frozenset({"on", "upon"}),
                           frozenset(), frozenset(), frozenset(), "042",
                           "call on someone: a visit", -1)


# "We consider the ambassador to the kingdom persona non grata": however the parser hangs it
_PERSONA_PATTERN = Pattern("verb", "declare", None, frozenset(), frozenset(), frozenset(),
                           frozenset(), frozenset(), "166", "declare persona non grata", -1)
_DECLARING = frozenset({"declare", "consider", "deem", "pronounce"})


def _persona_non_grata(tok: Token) -> bool:
    """A verb of declaring whose own words (up to the next verb) hold "persona non grata"."""
    if _lemma(tok) not in _DECLARING:
        return False
    words = [t for t in tok.subtree if t.i > tok.i]
    return any(t.lower_ == "persona" and t.i + 2 < len(t.doc) and t.nbor(1).lower_ == "non"
               and t.nbor(2).lower_ == "grata" for t in words)


SENT_OUT = "order an envoy out"
_SENT_OUT_PATTERN = Pattern("verb", "order", None, frozenset(), frozenset(), frozenset(),
                            frozenset(), frozenset(), "166", SENT_OUT, -1)
_ORDERING = frozenset({"order", "tell", "instruct", "give", "ask"})
_LEAVING = frozenset({"leave", "depart", "quit", "exit"})
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "attache", "consul", "chargé",
                         "charge"})


# things that cannot appeal: ties and the texts that set them up
_TIE_NOUNS = frozenset({"relation", "relationship", "tie", "contact", "link", "cooperation",
                        "friendship", "trade", "treaty", "agreement", "accord", "pact"})


# what kills or destroys without anyone doing it
_NATURAL = frozenset({"earthquake", "quake", "flood", "flooding", "storm", "hurricane",
                      "cyclone", "typhoon", "tornado", "tsunami", "landslide", "eruption",
                      "wildfire", "fire", "drought", "famine", "disease", "epidemic",
                      "pandemic", "outbreak", "heatwave", "accident", "crash", "avalanche"})


def _subject_noun(tok: Token) -> Token | None:
    """The verb's subject, or for "that"/"which" the noun the relative clause is on."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        return tok.head
    return subject


def _by_nature(tok: Token) -> bool:
    """The verb's subject is a disaster ("the earthquakes that killed 50,000 people")."""
    subject = _subject_noun(tok)
    return subject is not None and _lemma(subject) in _NATURAL


def _said_of_a_tie(tok: Token) -> bool:
    """The verb's subject is a tie or a treaty ("ties that encouraged good relations")."""
    subject = _subject_noun(tok)
    if subject is None:
        return False
    # "the formation of economic ties that encouraged …": the thing is what it is of
    heads = [subject, *(o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj")]
    return any(_lemma(h) in _TIE_NOUNS for h in heads)


# what one signs alone: no agreement
_PAPERS = frozenset({"statement", "letter", "petition", "decree", "law", "bill", "order",
                     "book", "condolence", "guestbook", "autograph", "executive_order",
                     "resignation", "warrant", "note", "editorial", "op-ed", "article"})


def _names_or_shows(tok: Token, lemma: str) -> bool:
    """"Egyptians called this place Ta netjer": a name given, no appeal; "a plebiscite
    demonstrating the desire of …": something shown, no protest; "who is to blame": who is
    responsible, no accusation."""
    if lemma == "call":
        return any(c.dep_ == "oprd" for c in tok.children)
    if lemma in ("sign", "ink"):
        # "the statement, signed by the spokesman", "signed a decree": words put to paper,
        # no agreement between parties
        signed = tok.head if tok.dep_ == "acl" else next(
            (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return signed is not None and _lemma(signed) in _PAPERS
    if lemma == "blame":
        # "it was the squabbling that is to blame": who is responsible, no one accusing
        return tok.dep_ == "xcomp" and _lemma(tok.head) == "be" and not any(
            c.dep_ == "dobj" for c in tok.children)
    return lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)


_SENT_HOME_PATTERN = Pattern("verb", "send", None, frozenset(), frozenset(), frozenset(),
                             frozenset(), frozenset(), "166", SENT_OUT, -1)
_CALLED_HOME_PATTERN = Pattern("verb", "send", None, frozenset(), frozenset(), frozenset(),
                               frozenset(), frozenset(), "161", "envoy called home", -1)


def _sent_home(tok: Token) -> Pattern | None:
    """"Somalia sent the Ethiopian ambassador back home": an expulsion; "sent its ambassador
    home": a recall."""
    near = [c for d in [tok, *tok.children] for c in d.children]  # "back home", "home"
    if _lemma(tok) not in ("send", "order") or not any(
            c.dep_ in ("advmod", "prt") and c.lower_ in ("home", "back") for c in near):
        return None
    envoy = next((c for c in tok.children if c.dep_ == "dobj" and _lemma(c) in ENVOY_NOUNS),
                 None)
    if envoy is None:
        return None
    own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
              for c in envoy.children)
    return _CALLED_HOME_PATTERN if own else _SENT_HOME_PATTERN


def _envoy_sent_out(tok: Token) -> bool:
    """"declared the ambassador persona non grata and ordered him to leave": an order to
    leave given to "him" or "them", after an envoy was named, sends the envoy out."""
    if _lemma(tok) not in _ORDERING:
        return False
    leaving = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and _lemma(c) in _LEAVING]
    told = [c for t in [tok, *leaving] for c in t.children
            if c.dep_ in ("dobj", "dative", "nsubj") and c.lower_ in ("him", "her", "them")]
    return bool(leaving and told) and any(_lemma(t) in ENVOY_NOUNS
                                          for t in tok.doc[tok.sent.start:tok.i])


# "expressed sympathy with Iran over its nuclear programme": siding with a state's cause,
# not condolences
_SIDING_PATTERN = Pattern("verb", "express", None, frozenset(), frozenset(), frozenset(),
                          frozenset(), frozenset(), "051", "sympathy with: support", -1)


def _courtesy_call(tok: Token, p: Pattern) -> bool:
    """"called on X" asking nothing: no "to"-clause ("called on X to end …"), no "for"."""
    if p.preps != frozenset({"on", "upon"}) or p.cameo != "020":
        return False
    # a clause of its own ("…, wherein the two sides explored …") asks nothing
    asks = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "advcl")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    called = [o for c in tok.children if c.dep_ == "prep" for o in c.children]
    return not asks and not any(d.dep_ == "aux" and d.lower_ == "to"
                                for o in called for d in o.subtree)


# participles that only qualify a noun ("the alleged abuses", "a suspected bomber")
_HEDGES = frozenset({"allege", "suspect", "report", "claim", "purport", "presume", "accuse"})


def _state_participle(tok: Token, code: str) -> bool:
    """"the deposed president", "its occupied lands", "Ousted President X": a participle
    after a determiner (or opening the sentence) before its noun; "the declining Khmer
    Empire", "a training flight": a present participle before its noun, unless it is force
    ("the invading army")."""
    if tok.tag_ == "VBG" and tok.i < tok.head.i:
        return int(code[:2]) < 18
    if tok.tag_ != "VBN" or tok.i > tok.head.i:
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return before is None or before.dep_ in ("det", "poss")


def find_triggers(sent: Span) -> list[Trigger]:
    """Every event trigger in ``sent``, in text order (one per token, most specific pattern)."""
    lex = load_lexicon()
    found: list[tuple[Token, Pattern]] = []
    consumed: set[int] = set()
    for tok in sent:
        pos = _pos_of(tok)
        if pos is None:
            if not _demand_clause(tok):
                continue
            pos = "verb"  # "X said the US must be ready": the clause itself is the demand
        lemma, lower = _lemma(tok), tok.lower_
        cands = lex.get((pos, lemma), _NO_PATTERNS)
        if lower != lemma and (as_written := lex.get((pos, lower))):
            cands = cands + as_written
        best: tuple[Pattern, list[Token]] | None = None
        kids = _Kids(tok) if cands else None
        for p in cands:
            used = _match(tok, p, kids)
            if used is None:
                continue
            if best is None or (p.specificity, -p.order) > (best[0].specificity, -best[0].order):
                best = (p, used)
        if best is not None and pos == "noun" and not _noun_is_event(tok):
            continue
        if best is not None and pos == "verb" and tok.dep_ == "amod" and (
                lemma in _HEDGES or _state_participle(tok, best[0].cameo)):
            # "the alleged violations": a hedge on a noun, not an accusation; "the ousted
            # president", "the occupied territories": a state the noun is in, not an act
            continue
        if best is not None and pos == "verb" and best[0].cameo[:2] == "02" and \
                _said_of_a_tie(tok):
            continue  # "economic ties that encouraged good relations": no one appealed
        if best is not None and pos == "verb" and _by_nature(tok):
            continue  # "the earthquakes that killed 50,000 people": no one's act
        if best is not None and pos == "verb" and _names_or_shows(tok, lemma):
            continue  # "called the place Ta netjer" names it; "demonstrating the desire of"
        if best is not None and pos == "verb" and tok.dep_ in ("acl", "relcl") and \
                _lemma(tok.head) in _PROSPECTS:
            continue  # "discussed the ways forward to deepen relations": a topic, not done
        if best is not None and lemma == "call" and tok.dep_ == "acl" and tok.tag_ == "VBN" \
                and not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
                            for c in tok.children):
            continue  # "a protest called by civil society", "a group called M23": no appeal
        if best is None and _demand_clause(tok):
            best = (_DEMAND_PATTERN, [])
        elif best is not None and _courtesy_call(tok, best[0]):
            best = (_CALL_ON_PATTERN, best[1])
        elif best is not None and best[0].cameo == "018" and any(
                c.dep_ == "prep" and c.lower_ == "with" for o in best[1] for c in o.children):
            best = (_SIDING_PATTERN, best[1])
        if (best is None or best[0].cameo != "166") and pos == "verb" and (
                _persona_non_grata(tok) or _envoy_sent_out(tok)):
            best = (_PERSONA_PATTERN if _lemma(tok) in _DECLARING else _SENT_OUT_PATTERN, [])
        elif pos == "verb" and (home := _sent_home(tok)) is not None:
            best = (home, [])
        if best is not None:
            found.append((tok, best[0]))
            consumed.update(u.i for u in best[1] if u.i != tok.i)
    reporting = {t.i for t, p in found if p.cameo == REPORTING_CODE}
    found_at = {t.i for t, _ in found}
    code_at = {t.i: p.cameo for t, p in found}
    for tok, p in found:
        # "granted Mali loans and other aid": the things a verb acts on are not events of
        # their own
        if p.pos == "verb" and p.cameo != REPORTING_CODE:
            consumed.update(o.i for o in _acted_on(tok, p.cameo)
                            if o.i in found_at and o.pos_ in ("NOUN", "PROPN"))
    for tok, p in found:
        if p.pos == "verb" and _lemma(tok) in _HOST_VERBS and p.cameo[:2] == "04" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i in found_at for c in tok.children):
            consumed.add(tok.i)
        if p.pos == "verb" and _lemma(tok) in _STATUS_WORDS["pledged"] and any(
                c.dep_ == "xcomp" and int(code_at.get(c.i, "00")[:2]) >= 11
                and c.i not in consumed for c in tok.children):
            # "vowed to cut all ties": the vow is the cut's status, no cooperation of its own
            consumed.add(tok.i)
        if p is _SENT_OUT_PATTERN and any(code_at.get(g.i) == "166"
                                          for g in _governors(tok)[:3]):
            consumed.add(tok.i)  # "declared him persona non grata and ordered him out": once
        if code_at.get(tok.head.i) == "114" and tok.dep_ in ("xcomp", "advcl") and \
                p.cameo[:2] in ("11", "14"):
            consumed.add(tok.i)  # "summoned the ambassador to lodge a protest": one complaint
    out = []
    for tok, p in found:
        if tok.i in consumed:
            continue
        negated = _negated(tok)
        govs = _governors(tok)
        under_report = any(g.i in reporting for g in govs)
        status, cue = _status(tok, negated, under_report, govs)
        background = is_background(tok)
        if background and status != "negated":
            # "due to French support for Senegal": told as a fact, whatever the clause does
            status, cue = "asserted", None
        code = p.cameo
        demand = _demand_clause(tok) or (_must(tok) and under_report)
        if demand and code[:2] not in ("01", "02", "10"):
            code = "100"  # "X said Y must release ...": a demand on Y
        elif status in ("pledged", "planned") and code[:2] in ("04", "05", "06", "07", "08") \
                and cue not in _DECISIONS:
            code = _intent(code)
        elif int(code[:2]) >= 14 and cue not in _DECISIONS and (
                status == "hypothetical" or any(_lemma(g) in _WARNING for g in govs) or (
                    # "declared that his country could annex the east": a threat, unless
                    # the past is guessed at ("may have attacked")
                    cue in ("could", "may", "might") and under_report
                    and not _perfect([tok, *govs]))):
            # a conflictual act held over the other side, on a condition ("will impose
            # sanctions unless …"), in a warning or as a possibility, is a threat (CAMEO
            # 13). One announced or vowed ("said it would sever ties", "vowed to cut ties")
            # stays the act, told as planned or pledged: the dev guide's coding of plans
            code = _threat(code)
        entry = cameo(code)
        start = tok.idx - sent.start_char
        out.append(Trigger(
            i=tok.i - sent.start, start=start, end=start + len(tok.text), text=tok.text,
            lemma=_lemma(tok), pos=p.pos, cameo=code, plover_type=entry.plover_type,
            negated=negated, status=status, base_cameo=p.cameo, pattern=p.note,
            specificity=p.specificity, depth=_depth(tok, govs),
            governors=tuple(_lemma(g) for g in govs), cue=cue,
            demand_clause=demand and code[:2] == "10", dep=tok.dep_,
            background=background))
    return out


def main_trigger(triggers: list[Trigger]) -> Trigger | None:
    """The sentence's main event: the root-most trigger, skipping framing statements
    ("said", "denied") unless nothing else was found; ties go to the more specific
    pattern, then text order. A side clause ("… to demand reforms", "… after X shot Y")
    gives way to the clause it hangs on at the same depth."""
    if not triggers:
        return None
    # Statements ("said", "denied") frame the event rather than being it.
    framing = {t.i for t in triggers if t.cameo[:2] == "01" and (t.is_reporting or any(
        t.lemma in u.governors for u in triggers if u is not t))}
    events = [t for t in triggers if t.i not in framing] or triggers
    return min(events, key=lambda t: (t.depth, t.dep == "advcl", -t.specificity, t.i))
