"""Score event triggers against labelled data in ../shared/data.

Two measures:

* **PLOVER GSR** (``plover/PLOVER_GSR_CAMEO.txt``): event-type accuracy of each sentence's
  main trigger (``main_trigger``: root-most, reporting verbs skipped) against the gold
  ``event``. PLOVER 0.5 labels are renamed to PLOVER 2021 ones (DEMAND→REQUEST,
  DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT); the DOCUMENT record is skipped.
  A sentence with no trigger counts as wrong.
* **ConfliBERT CAMEO classes** (``conflibert-cameo-train/cameo_class_train.tsv``): agreement
  of the main trigger's coarse class with the gold label. Mapping (dyad → label):
  CAMEO 01 (statement) and 02 (appeal) → 0 "statement/appeal"; otherwise the quad class:
  1 verbal cooperation (03–05), 2 material cooperation (06–08), 3 verbal conflict (09–13),
  4 material conflict (14–20). A sentence with no trigger is predicted 0 (a bare statement).

* **False alarms** (GSR): every PLOVER type ``dyad extract`` gives a sentence (rules, then
  the scorer), against the sentence's one gold type: per type, how many sentences were
  given it and in how many the gold is another type. A GSR sentence sometimes tells a
  second real act ("accused X after X shelled Y"), so this is an upper bound on the wrong.

* **Dyad accuracy** (GSR): whether the main trigger's event has the gold sides. Gold
  source and target codes that name countries (old CAMEO codes mapped to ISO as in
  ``dyad.evaluate.actors``; IGO/NGO and other non-country codes left out) are compared with
  the countries of dyad's actors and recipients: each gold source country must be among the
  actors and each gold target country among the recipients, and neither side may hold a
  country that is gold only for the other side (a swap). A compound actor ("SRC/TAR" in the
  markup, no target: "X and Y agreed") is right when its countries are among either side.
  Items with no gold country are not scored; no event for the main trigger counts as wrong.
  dyad codes a state as of the sentence's date (Czechoslovakia in 1983) while the GSR codes
  every item as of today, so both are brought to the present-day state before comparing.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import DataError

GSR_RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
GSR_PATH = Path("plover") / "PLOVER_GSR_CAMEO.txt"
CONFLIBERT_PATH = Path("conflibert-cameo-train") / "cameo_class_train.tsv"



@dataclass
class Score:
    """Accuracy over ``n`` items, with a confusion count of (gold, predicted) pairs."""

    name: str
    n: int = 0
    correct: int = 0
    no_trigger: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    dyad_n: int = 0
    dyad_correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def add(self, gold: str, predicted: str | None) -> None:
        self.n += 1
        self.correct += gold == predicted
        self.no_trigger += predicted is None
        self.confusion[(gold, predicted or "-")] += 1

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n, "accuracy": round(self.accuracy, 4),
                               "no_trigger": self.no_trigger}
        if self.dyad_n:
            out["dyad_accuracy"] = round(self.dyad_correct / self.dyad_n, 4)
            out["dyad_n"] = self.dyad_n
        errors = [(g, p, c) for (g, p), c in self.confusion.most_common() if g != p][:10]
        out["top_confusions"] = [{"gold": g, "predicted": p, "count": c} for g, p, c in errors]
        return out


def _need(path: Path) -> Path:
    if not path.is_file():
        raise DataError(f"labelled data not found: {path}")
    return path


def load_gsr(path: Path) -> list[dict[str, Any]]:
    """GSR records (DOCUMENT skipped) with ``event`` renamed to PLOVER 2021 labels."""
    try:
        records = json.loads(_need(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DataError(f"{path}: not a JSON array ({e})") from e
    out = []
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        out.append({**rec, "event": GSR_RENAME.get(rec["event"], rec["event"])})
    return out


def load_conflibert(path: Path) -> list[tuple[str, int]]:
    """(sentence, label 0–4) rows."""
    rows = []
    with _need(path).open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not row[0].strip():
                continue
            try:
                rows.append((row[0], int(row[-1])))
            except (ValueError, IndexError) as e:
                raise DataError(f"{path} line {n}: expected sentence<TAB>label") from e
    return rows


def gold_sides(rec: dict[str, Any]) -> tuple[set[str], set[str], bool]:
    """(source countries, target countries, compound) of a GSR record."""
    from dyad.evaluate.actors import _codes

    info = rec.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    source, target = _codes(rec.get("source")), _codes(rec.get("target"))
    return source, target, "SRC/TAR" in markup and not target


def present_day(codes: Iterable[str | None]) -> set[str]:
    """State codes brought forward to the state that holds them today (SUN → RUS); a
    state that split with no successor stands for each of its parts (CSK → CZE, SVK), so
    dyad's era coding of 1983 Czechoslovakia meets the GSR's present-day "CZE"."""
    from dyad.reference.gazetteer import load_gazetteer

    g = load_gazetteer()
    out: set[str] = set()
    for code in filter(None, codes):
        now = g.state_today(code) or code
        state = g.states.get(now)
        if state is not None and state.valid_to and not state.successor and state.split_into:
            out.update(state.split_into)
        else:
            out.add(now)
    return out


def sides_correct(rec: dict[str, Any], actors: Iterable[str | None],
                  recipients: Iterable[str | None]) -> bool | None:
    """Dyad verdict for one record given dyad's actor and recipient countries; None: unscored."""
    source, target, compound = gold_sides(rec)
    if not source and not target:
        return None
    source, target = present_day(source), present_day(target)
    got_a, got_r = present_day(actors), present_day(recipients)
    if compound:
        return source <= got_a | got_r
    return (source <= got_a and target <= got_r and not got_a & (target - source)
            and not got_r & (source - target))


def annotate_item(text: str) -> Any:
    """One labelled sentence annotated as a one-sentence document (times, actors, parse)."""
    from dyad.annotate.pipeline import annotate
    from dyad.model import Document, Sentence

    doc = Document(id="item", title=None, format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    return annotate(doc).sentences[0]


def main_event(sentence: Any) -> tuple[Any, Any]:
    """(main trigger, dyad's event for it or None) of an annotated sentence."""
    from dyad.extract.events import find_events, sentence_triggers
    from dyad.extract.triggers import main_trigger

    main = main_trigger(sentence_triggers(sentence))
    if main is None:
        return None, None
    return main, next((ev for ev in find_events(sentence) if ev.trigger.i == main.i), None)


@dataclass
class GsrItem:
    """One scored GSR record: what dyad said, for reading the misses."""

    id: str
    text: str
    gold_type: str
    type: str | None
    gold_source: list[str]
    gold_target: list[str]
    actors: list[str | None]
    recipients: list[str | None]
    trigger: str | None
    dyad_ok: bool | None
    # every PLOVER type `dyad extract` gives the sentence, main event or not
    types: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def gsr_items(records: Iterable[dict[str, Any]]) -> list[GsrItem]:
    """Each record's main event type and sides, with the gold beside them."""
    out = []
    for rec in records:
        sentence = annotate_item(rec["text"])
        main, event = main_event(sentence)
        types = sorted({ev.trigger.plover_type for ev in extracted_events(sentence)})
        actors = [e.country for e in event.actors] if event else []
        recipients = [e.country for e in event.recipients] if event else []
        source, target, _ = gold_sides(rec)
        verdict = sides_correct(rec, actors, recipients)
        if verdict is not None and event is None:
            verdict = False
        out.append(GsrItem(rec.get("id", ""), rec["text"], rec["event"],
                           main.plover_type if main else None, sorted(source), sorted(target),
                           actors, recipients, main.text if main else None, verdict, types))
    return out


def extracted_events(sentence: Any) -> list[Any]:
    """The events `dyad extract` keeps for an annotated sentence (rules, then the scorer)."""
    from dyad.extract.decide import decide
    from dyad.extract.events import find_events

    return decide(sentence, list(find_events(sentence)))


def false_alarms(items: Iterable[GsrItem]) -> dict[str, Any]:
    """How often a sentence gets an event type its gold does not have, per PLOVER type:
    of the sentences given type T, how many are not T in the gold (precision on the GSR,
    where each sentence has one gold type)."""
    given: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    n = alarmed = 0
    for item in items:
        n += 1
        extra = [t for t in item.types if t != item.gold_type]
        alarmed += bool(extra)
        given.update(item.types)
        wrong.update(extra)
    per_type = {t: {"sentences": given[t], "false_alarms": wrong[t],
                    "precision": round(1 - wrong[t] / given[t], 4)}
                for t in sorted(given)}
    return {"n": n, "with_false_alarm": alarmed,
            "false_alarm_rate": round(alarmed / n, 4) if n else 0.0, "per_type": per_type}


def score_gsr(records: Iterable[dict[str, Any]]) -> Score:
    """Event-type and dyad accuracy of the main event on GSR records (already renamed)."""
    return score_items(gsr_items(records))


def score_items(items: Iterable[GsrItem], name: str = "plover_gsr") -> Score:
    score = Score(name)
    for item in items:
        score.add(item.gold_type, item.type)
        if item.dyad_ok is not None:
            score.dyad_n += 1
            score.dyad_correct += item.dyad_ok
    return score


def score_conflibert(rows: Iterable[tuple[str, int]]) -> Score:
    """Coarse class agreement (0 statement/appeal, 1–4 quad class) on ConfliBERT rows."""
    from dyad.extract.events import sentence_triggers
    from dyad.extract.triggers import main_trigger
    from dyad.ontology import coarse_class

    score = Score("conflibert_quad")
    for text, label in rows:
        # the main trigger as `dyad extract` sees it (times and refusals applied)
        main = main_trigger(sentence_triggers(annotate_item(text)))
        predicted = coarse_class(main.cameo) if main else 0
        score.add(str(label), str(predicted))
    return score


def evaluate_events(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Both measures on ``data_dir`` (../shared/data); DataError when a file is missing."""
    gsr = load_gsr(data_dir / GSR_PATH)
    conf = load_conflibert(data_dir / CONFLIBERT_PATH)
    items = gsr_items(gsr[:limit])
    return {"plover_gsr": score_items(items).to_dict(),
            "plover_gsr_false_alarms": false_alarms(items),
            "plover_gsr_even": score_items(items[0::2], "plover_gsr_even").to_dict(),
            "plover_gsr_odd": score_items(items[1::2], "plover_gsr_odd").to_dict(),
            "conflibert_quad": score_conflibert(conf[:limit]).to_dict()}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{'measure':<18}{'n':>6}{'accuracy':>10}{'no trigger':>12}{'dyad':>8}"]
    alarms = result.get("plover_gsr_false_alarms")
    result = {k: v for k, v in result.items() if k != "plover_gsr_false_alarms"}
    for name, s in result.items():
        dyad = f"{s['dyad_accuracy']:>8.3f}" if "dyad_accuracy" in s else f"{'-':>8}"
        lines.append(f"{name:<18}{s['n']:>6}{s['accuracy']:>10.3f}{s['no_trigger']:>12}{dyad}")
    for name, s in result.items():
        if s["top_confusions"] and not name.endswith(("_even", "_odd")):
            pairs = ", ".join(f"{c['gold']}→{c['predicted']} {c['count']}"
                              for c in s["top_confusions"][:6])
            lines.append(f"{name} confusions: {pairs}")
    if alarms:
        lines.append(f"plover_gsr false alarms: {alarms['with_false_alarm']} of {alarms['n']} "
                     f"sentences get a type their gold does not have "
                     f"({alarms['false_alarm_rate']:.3f})")
        lines.append(f"{'  type':<14}{'given':>7}{'false':>7}{'precision':>11}")
        for t, row in alarms["per_type"].items():
            lines.append(f"  {t:<12}{row['sentences']:>7}{row['false_alarms']:>7}"
                         f"{row['precision']:>11.3f}")
    return "\n".join(lines)
