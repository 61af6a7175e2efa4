"""Scoring the tagger against the labelled set (``tests/data/nlp_eval/{ru,kk,en}.jsonl``).

Per field, micro-averaged precision / recall / F1 over documents, each document's gold and
predicted values compared as sets:
- journalists by normalised name (casefold, ё→е, spaces collapsed);
- outlets by canonical name — gold and predicted names both resolved through the gazetteer and
  the set's ``outlets_canonical.json`` (canonical → surface forms), so "Vlast.kz" and "Vlast" meet;
- legal references by (code, article, part); amounts by (value, unit).
Used by ``tests/test_nlp_quality.py`` and ``bench/nlp_quality.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from nlp.entities.gazetteer import outlet_gazetteer
from nlp.entities.names import fold

FIELDS = ("legal_refs", "journalists", "outlets", "amounts")
FLOORS = {"legal_refs": 0.95, "journalists": 0.85, "outlets": 0.85, "amounts": 0.9}
EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "nlp_eval"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class OutletNames:
    """Resolves any surface or canonical outlet name to one comparison key."""

    def __init__(self, canonical_file: Path | None = None):
        self.index: dict[str, str] = {}
        path = canonical_file or EVAL_DIR / "outlets_canonical.json"
        groups = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        for canonical, surfaces in groups.items():
            names = [canonical, *surfaces]
            known = next(
                (outlet_gazetteer().resolve(n) for n in names if outlet_gazetteer().resolve(n)),
                None,
            )
            for name in names:
                self.index.setdefault(self._fold(name), known or canonical)

    @staticmethod
    def _fold(name: str) -> str:
        return fold(re.sub(r"[«»\"“”]", "", name))

    def key(self, name: str) -> str:
        return (
            self.index.get(self._fold(name)) or outlet_gazetteer().resolve(name) or self._fold(name)
        )


def values(item: dict, field: str, outlets: OutletNames) -> set:
    """The comparable set of one field of a gold or predicted record."""
    if field == "journalists":
        return {
            fold(j["name"] if isinstance(j, dict) else j) for j in item.get("journalists") or []
        }
    if field == "outlets":
        return {outlets.key(o) for o in item.get("outlets") or []}
    if field == "legal_refs":
        return {
            (r["code"], str(r["article"]), None if r.get("part") in (None, "") else str(r["part"]))
            for r in item.get("legal_refs") or []
        }
    return {(round(float(a["value"]), 2), a["unit"]) for a in item.get("amounts") or []}


def prediction(analysis) -> dict:
    """A predicted record in the gold format, from an :class:`nlp.pipeline.Analysis`."""
    record = analysis.tag_record()
    record["amounts"] = [a.as_dict() for a in analysis.amounts]
    return record


def score(
    gold: list[dict], predicted: list[dict], outlets: OutletNames | None = None
) -> dict[str, Score]:
    outlets = outlets or OutletNames()
    scores = {f: Score() for f in FIELDS}
    for g, p in zip(gold, predicted, strict=True):
        for f in FIELDS:
            gv, pv = values(g, f, outlets), values(p, f, outlets)
            scores[f].tp += len(gv & pv)
            scores[f].fp += len(pv - gv)
            scores[f].fn += len(gv - pv)
    return scores


def errors(
    gold: list[dict], predicted: list[dict], field: str, outlets: OutletNames | None = None
) -> list[tuple]:
    """``(id, missed, spurious)`` for every document where ``field`` is wrong (for tuning reports)."""
    outlets = outlets or OutletNames()
    out = []
    for g, p in zip(gold, predicted, strict=True):
        gv, pv = values(g, field, outlets), values(p, field, outlets)
        if gv != pv:
            out.append((g.get("id"), sorted(gv - pv, key=str), sorted(pv - gv, key=str)))
    return out


def evaluate_file(path: Path, analyzer=None) -> tuple[dict[str, Score], list[dict], list[dict]]:
    from nlp.pipeline import default_analyzer

    gold = load_gold(path)
    analyses = (analyzer or default_analyzer()).analyse(
        [g["text"] for g in gold], [g["id"] for g in gold]
    )
    predicted = [prediction(a) for a in analyses]
    return score(gold, predicted), gold, predicted
