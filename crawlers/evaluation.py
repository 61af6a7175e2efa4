"""Scoring extracted article text against a ground truth, as the shared benchmark does.

Word 4-gram shingles; per-page true/false positives and negatives normalised so long pages
weigh no more than short ones; precision and recall averaged over pages; F1 of the averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)
BENCHMARK = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "article-extraction"


def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def match(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(pairs: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, and the F1 of those averages."""
    precision = statistics.mean(_precision(*x) for x in pairs if x[0] + x[1] > 0)
    recall = statistics.mean(_recall(*x) for x in pairs if x[0] + x[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def load_benchmark(root: Path = BENCHMARK) -> Iterator[tuple[str, str, str]]:
    """``(page id, html, true article body)`` for every page of the benchmark."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        with gzip.open(root / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as f:
            yield key, f.read(), truth[key].get("articleBody", "")
