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

Dyad (actor/recipient) accuracy is left to actor resolution: pass ``dyad_scorer`` to
``score_gsr`` — a callable (gold record, spaCy sentence span, main trigger) → bool | None
(None: not scored) — and the result gains ``dyad_accuracy``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import DataError

GSR_RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
GSR_PATH = Path("plover") / "PLOVER_GSR_CAMEO.txt"
CONFLIBERT_PATH = Path("conflibert-cameo-train") / "cameo_class_train.tsv"

DyadScorer = Callable[[dict[str, Any], Any, Any], bool | None]


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


def _main(nlp: Any, text: str) -> tuple[Any, Any]:
    from dyad.extract.triggers import find_triggers, main_trigger

    doc = nlp(text)
    # The labelled items are single sentences; parse them whole so the root is the event's.
    span = doc[:]
    return span, main_trigger(find_triggers(span))


def score_gsr(records: Iterable[dict[str, Any]], nlp: Any,
              dyad_scorer: DyadScorer | None = None) -> Score:
    """Event-type accuracy of the main trigger on GSR records (already renamed)."""
    score = Score("plover_gsr")
    for rec in records:
        span, main = _main(nlp, rec["text"])
        score.add(rec["event"], main.plover_type if main else None)
        if dyad_scorer is not None:
            verdict = dyad_scorer(rec, span, main)
            if verdict is not None:
                score.dyad_n += 1
                score.dyad_correct += bool(verdict)
    return score


def score_conflibert(rows: Iterable[tuple[str, int]], nlp: Any) -> Score:
    """Coarse class agreement (0 statement/appeal, 1–4 quad class) on ConfliBERT rows."""
    from dyad.ontology import coarse_class

    score = Score("conflibert_quad")
    for text, label in rows:
        _, main = _main(nlp, text)
        predicted = coarse_class(main.cameo) if main else 0
        score.add(str(label), str(predicted))
    return score


def evaluate_events(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Both measures on ``data_dir`` (../shared/data); DataError when a file is missing."""
    from dyad.annotate.nlp import load_nlp

    gsr = load_gsr(data_dir / GSR_PATH)
    conf = load_conflibert(data_dir / CONFLIBERT_PATH)
    nlp = load_nlp()
    return {"plover_gsr": score_gsr(gsr[:limit], nlp).to_dict(),
            "conflibert_quad": score_conflibert(conf[:limit], nlp).to_dict()}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{'measure':<18}{'n':>6}{'accuracy':>10}{'no trigger':>12}"]
    for name, s in result.items():
        lines.append(f"{name:<18}{s['n']:>6}{s['accuracy']:>10.3f}{s['no_trigger']:>12}")
    for name, s in result.items():
        if s["top_confusions"]:
            pairs = ", ".join(f"{c['gold']}→{c['predicted']} {c['count']}"
                              for c in s["top_confusions"][:6])
            lines.append(f"{name} confusions: {pairs}")
    return "\n".join(lines)
