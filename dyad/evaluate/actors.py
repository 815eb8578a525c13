"""Score actor resolution on the PLOVER gold standard records (PLOVER_GSR_CAMEO.txt).

The gold gives, per sentence, source and target actors with codes, but dyad's
actor resolver does not know which actor is the source: that is the event
extractor's job. So this scores whether the *countries* resolved anywhere in the
sentence cover the gold ones:

* gold codes: the source and target codes that name countries, old CAMEO codes
  mapped to ISO (JAP→JPN, ITL→ITA, VTN→VNM); IGO/NGO/IMG/ISM and other
  non-country codes are left out (IGOs are scored apart, as found or not).
* source accuracy: share of records with a gold source country whose gold
  source countries are all among the resolved countries; target likewise.
* recall / precision (micro): gold country codes found / all gold country codes,
  and resolved codes that are gold / all resolved codes (a resolved code that
  is neither source nor target, such as a place, counts against precision).

Sentences are resolved without a date (their gold dates are placeholders), so
names are coded as named.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyad.errors import DataError

OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NOT_COUNTRIES = {"IGO", "NGO", "IMG", "ISM", "MNC", "UAF"}


def _codes(actors: Any) -> set[str]:
    out: set[str] = set()
    if not isinstance(actors, list):
        return out
    for a in actors:
        code = str(a.get("code", "")).upper()
        code = OLD_CODES.get(code, code)
        if len(code) == 3 and code.isalpha() and code not in NOT_COUNTRIES:
            out.add(code)
    return out


def _has_igo(actors: Any) -> bool:
    return isinstance(actors, list) and any(a.get("code") == "IGO" for a in actors)


def load_records(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise DataError(f"{path}: PLOVER gold file not found")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataError(f"{path}: not a PLOVER gold JSON array ({e})") from e
    return [r for r in data
            if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def evaluate(path: Path) -> dict[str, Any]:
    """Scores as described in the module docstring, plus the misses for inspection."""
    from dyad.annotate.actors import resolve_actors
    from dyad.annotate.nlp import load_nlp

    records = load_records(path)
    nlp = load_nlp()
    src_ok = src_n = tar_ok = tar_n = hit = gold_n = pred_n = pred_hit = 0
    igo_n = igo_ok = 0
    misses: list[dict[str, Any]] = []
    docs = nlp.pipe([r["text"] for r in records])
    for rec, doc in zip(records, docs, strict=True):
        mentions = resolve_actors(doc)
        found = {m.entity.country for m in mentions if m.entity.country}
        src, tar = _codes(rec.get("source")), _codes(rec.get("target"))
        gold = src | tar
        if src:
            src_n += 1
            src_ok += src <= found
        if tar:
            tar_n += 1
            tar_ok += tar <= found
        hit += len(gold & found)
        gold_n += len(gold)
        pred_n += len(found)
        pred_hit += len(found & gold)
        if _has_igo(rec.get("source")) or _has_igo(rec.get("target")):
            igo_n += 1
            igo_ok += any(m.entity.kind == "igo" for m in mentions)
        if gold != found:
            misses.append({"id": rec.get("id"), "gold": sorted(gold), "found": sorted(found)})
    return {
        "records": len(records),
        "source_accuracy": round(src_ok / src_n, 4) if src_n else None,
        "target_accuracy": round(tar_ok / tar_n, 4) if tar_n else None,
        "recall": round(hit / gold_n, 4) if gold_n else None,
        "precision": round(pred_hit / pred_n, 4) if pred_n else None,
        "igo_recall": round(igo_ok / igo_n, 4) if igo_n else None,
        "misses": misses,
    }


def format_table(result: dict[str, Any]) -> str:
    rows = [("records", result["records"]), ("source accuracy", result["source_accuracy"]),
            ("target accuracy", result["target_accuracy"]), ("country recall", result["recall"]),
            ("country precision", result["precision"]), ("IGO recall", result["igo_recall"])]
    return "\n".join(f"{k:<18} {v}" for k, v in rows)
