"""Learning :mod:`nlp.entities.role_model` from the labelled corpus: candidates and features from the
tagger, labels from the corpus' ``journalists`` (matched the way ``score.py`` matches names),
folds grouped by source host, the threshold chosen on inner folds, never on the test fold."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.detect.corpus import host_group
from nlp.entities.names import key
from nlp.entities.role_candidates import same_surname
from nlp.entities.role_model import RoleModel

Matcher = Callable[[str, str], bool]


@dataclass
class Text:
    id: str
    lang: str
    group: str
    names: list[str]
    rows: list[list[float]]
    labels: list[int]


def collect(rows: list[dict], analyses: list, match: Matcher) -> list[Text]:
    """One :class:`Text` per corpus row, from analyses made with ``decide_roles=False``."""
    out = []
    for row, analysis in zip(rows, analyses, strict=True):
        cands, matrix = analysis.role_candidates or ([], [])
        gold = [str(g) for g in row.get("journalists") or []]
        labels = [int(any(match(g, c.name) for g in gold)) for c in cands]
        out.append(
            Text(
                str(row["id"]),
                analysis.lang,
                host_group(row.get("source_url", "")),
                [c.name for c in cands],
                matrix,
                labels,
            )
        )
    return out


def fit(texts: list[Text], c: float = 1.0) -> RoleModel:
    from sklearn.linear_model import LogisticRegression

    x = np.array([r for t in texts for r in t.rows], dtype=float)
    y = np.array([lab for t in texts for lab in t.labels])
    if len(set(y.tolist())) < 2:
        raise ValueError("the corpus needs journalists and other people to learn roles from")
    clf = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    return RoleModel(tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0]))


def folds(texts: list[Text], k: int = 5) -> list[tuple[list[Text], list[Text]]]:
    """Train/test splits grouped by source host, as the detector's (``GroupKFold``)."""
    from sklearn.model_selection import GroupKFold

    groups = [t.group for t in texts]
    splits = GroupKFold(min(k, len(set(groups)))).split(texts, groups=groups)
    return [([texts[i] for i in tr], [texts[i] for i in te]) for tr, te in splits]


def _probs(model: RoleModel, texts: list[Text]) -> list[list[float]]:
    return [[model.probability(r) for r in t.rows] for t in texts]


def cross_validate(texts: list[Text], k: int = 5) -> dict[str, list[str]]:
    """Journalists predicted for every text by a model that never saw its host (threshold 0.5:
    choosing it on inner folds of 200 texts moved it by noise and scored lower)."""
    out: dict[str, list[str]] = {}
    for train, test in folds(texts, k):
        model = fit(train)
        for t in test:
            out[t.id] = [
                n
                for n, r in zip(t.names, t.rows, strict=True)
                if model.probability(r) >= model.threshold
            ]
    return out


def candidate_f1(texts: list[Text], k: int = 5) -> float:
    """Candidate-level F1 of the cross-validated model (a quick check beside ``score.py``)."""
    pairs = [(test, _probs(fit(train), test)) for train, test in folds(texts, k)]
    pairs_flat = [
        (lab, p >= 0.5)
        for test, probs in pairs
        for t, ps in zip(test, probs, strict=True)
        for lab, p in zip(t.labels, ps, strict=True)
    ]
    tp = sum(1 for lab, yes in pairs_flat if lab and yes)
    fp = sum(1 for lab, yes in pairs_flat if yes and not lab)
    fn = sum(1 for lab, yes in pairs_flat if lab and not yes)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def name_match(a: str, b: str) -> bool:
    """Two forms of one name: every word of the shorter meets a word of the longer, up to an
    inflection or a transliteration (the corpus' own matching rule, on :func:`nlp.entities.names.key`)."""
    ta, tb = key(a).split(), key(b).split()
    if not ta or not tb:
        return False
    short, long_ = sorted((ta, tb), key=len)
    return all(any(same_surname(s, w) for w in long_) for s in short)


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def train(corpus: Path, out: Path, analyzer_factory: Callable) -> tuple[RoleModel, dict]:
    """Fit on the whole corpus, save to ``out`` with its card (cross-validated candidate F1)."""
    rows = read_rows(corpus)
    analyses = analyzer_factory().analyse(
        [r["text"] for r in rows], [r["id"] for r in rows], hooks=False
    )
    texts = collect(rows, analyses, name_match)
    model = fit(texts)
    card = {
        "corpus": corpus.name,
        "texts": len(texts),
        "candidates": sum(len(t.labels) for t in texts),
        "journalists": sum(sum(t.labels) for t in texts),
        "cv_candidate_f1": round(candidate_f1(texts), 3),
        "folds": "5, grouped by source host",
    }
    model.save(out, card)
    return model, card
