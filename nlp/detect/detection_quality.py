"""Scoring detection against labelled data, and the held-out comparison of rules vs rules+textcat.

Labelled items: the evaluation paragraphs (``tests/data/nlp_eval/{ru,kk,en}.jsonl``, gold
``categories``) and the demo newsroom's articles (incidents and ordinary news, ``gold.categories``).
``scores`` gives micro precision/recall/F1 over categories, any-incident precision/recall and
per-category figures. ``cross_validate`` splits items into folds by story (so one incident's
articles never sit on both sides), trains the text classifier on the other folds and scores
rules alone and rules+textcat on the held-out fold.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from nlp.detect.facts import Facts, from_analysis, legal_span
from nlp.detect.rules import find
from nlp.entities.legal import find_legal_refs
from nlp.text.chunks import clean

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "data" / "nlp_eval"
NEWSROOM = ROOT / "presswatch" / "newsroom" / "content"
FLOORS = {"any_recall": 0.95, "any_precision": 0.85, "micro_f1": 0.85}


def paragraphs(root: Path = EVAL_DIR) -> list[dict]:
    out = []
    for lang in ("ru", "kk", "en"):
        for line in (root / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out.append(
                    {
                        "id": r["id"],
                        "text": r["text"],
                        "title": "",
                        "gold": set(r["categories"]),
                        "published": None,
                        "group": r["id"],
                        "source": "paragraphs",
                    }
                )
    return out


def newsroom(root: Path = NEWSROOM) -> list[dict]:
    out = []
    for name in ("articles_incidents", "articles_news"):
        for a in yaml.safe_load((root / f"{name}.yaml").read_text(encoding="utf-8")):
            out.append(
                {
                    "id": a["id"],
                    "text": a["body"],
                    "title": a["title"],
                    "gold": set(a["gold"]["categories"]),
                    "published": a["published"],
                    "group": a["story"],
                    "source": "newsroom",
                    "outlet": a["outlet"],
                    "lang": a["lang"],
                    "followup": a.get("followup"),
                }
            )
    return out


def tagged_facts(items: Sequence[dict]) -> list[Facts]:
    """Facts with the full tagger's spans (slow: spaCy pipelines)."""
    from nlp.pipeline import Analyzer

    analyses = Analyzer().analyse([i["text"] for i in items], [i["id"] for i in items])
    return [
        _titled(from_analysis(a, clean(i["text"]), i["published"]), i)
        for a, i in zip(analyses, items, strict=True)
    ]


def quick_facts(item: dict) -> Facts:
    """Facts with legal references only (regex; no spaCy): for fast comparisons."""
    text = clean(item["text"])
    spans = [legal_span(r) for r in find_legal_refs(text)]
    return Facts(item["id"], text, "other", item["published"], spans, item.get("title") or "")


def _titled(facts: Facts, item: dict) -> Facts:
    facts.title = item.get("title") or ""
    return facts


def scores(preds: Sequence[set[str]], golds: Sequence[set[str]]) -> dict:
    per: dict[str, Counter[str]] = {}
    tp, fp, fn = 0, 0, 0
    any_tp = any_fp = any_fn = 0
    for pred, gold in zip(preds, golds, strict=True):
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
        any_tp += bool(pred and gold)
        any_fp += bool(pred and not gold)
        any_fn += bool(gold and not pred)
        for c in pred | gold:
            row = per.setdefault(c, Counter())
            row["tp" if c in pred and c in gold else "fp" if c in pred else "fn"] += 1
    return {
        **_prf(tp, fp, fn, "micro_"),
        **_prf(any_tp, any_fp, any_fn, "any_"),
        "per_category": {
            c: _prf(r["tp"], r["fp"], r["fn"]) | {"support": r["tp"] + r["fn"]}
            for c, r in sorted(per.items())
        },
        "n": len(golds),
    }


def _prf(tp: int, fp: int, fn: int, prefix: str = "") -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        f"{prefix}precision": round(p, 4),
        f"{prefix}recall": round(r, 4),
        f"{prefix}f1": round(f, 4),
    }


def rule_predictions(facts: Sequence[Facts], classifier: Callable | None = None) -> list[set[str]]:
    from nlp.detect.textcat import combine

    out = []
    for f in facts:
        _, hits = find(f)
        if classifier is not None:
            hits = combine(hits, classifier(f.text))
        out.append(set(hits))
    return out


def fold_of(item: dict, k: int) -> int:
    return zlib.crc32(str(item["group"]).encode("utf-8")) % k


def cross_validate(
    items: Sequence[dict],
    facts: Sequence[Facts],
    k: int = 2,
    epochs: int = 12,
    extra: Sequence[tuple[str, set[str]]] = (),
) -> dict:
    """Held-out scores of rules alone and rules+textcat, over ``k`` folds split by story."""
    from nlp.detect.textcat import fit, labels_of, predictor

    labels = labels_of([(i["text"], i["gold"]) for i in items])
    rules, mixed, golds = [], [], []
    for fold in range(k):
        train = [(i["text"], i["gold"]) for i in items if fold_of(i, k) != fold] + list(extra)
        held = [n for n, i in enumerate(items) if fold_of(i, k) == fold]
        model = predictor(fit(train, labels, epochs=epochs))
        rules += rule_predictions([facts[n] for n in held])
        mixed += rule_predictions([facts[n] for n in held], model)
        golds += [items[n]["gold"] for n in held]
    return {"rules": scores(rules, golds), "rules+textcat": scores(mixed, golds)}
