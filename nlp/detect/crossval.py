"""Cross-validation of detector designs on a labelled corpus, scored by the corpus' own scorer.

``featurise`` reads each example once: the tagger's analysis (for rule features and the rules'
categories) and the article's input vector (:mod:`nlp.detect.vector`). ``cross_validate`` runs every design in :data:`DESIGNS` on the
same grouped folds and scores the out-of-fold categories with ``score.py`` from the corpus folder
(detect, exact and folded categories, per language and per category). ``train`` adds the final fit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from nlp.detect import model, training, vector
from nlp.detect.corpus import Example
from nlp.detect.cues import cue_book
from nlp.detect.encoder import Encoder
from nlp.detect.facts import from_analysis
from nlp.detect.rules import find
from nlp.detect.taxonomy import fold

FOLDS = 5
TEXTCAT_CUT = 0.15  # the BOW model's probabilities are low on ~190 training texts


@dataclass
class Matrices:
    examples: list[Example]
    X: np.ndarray  # raw input vectors (zeros where the gate stays shut)
    Y: np.ndarray  # incident + leaves
    groups: np.ndarray
    rules: list[list[str]]  # the rules' own categories
    langs: list[str]
    shut: np.ndarray  # gate stayed shut

    @property
    def ruled(self) -> np.ndarray:
        """Texts where the rules found a category."""
        return np.array([bool(r) for r in self.rules], dtype=bool)


def featurise(examples: list[Example], encoder: Encoder) -> Matrices:
    from nlp.pipeline import Analyzer

    analyses = Analyzer().analyse([e.text for e in examples], hooks=False)
    book, reader = cue_book(), vector.Reader(encoder)
    facts = [from_analysis(a, a.text) for a in analyses]
    vectors = [reader.read(f, book)[0] for f in facts]
    shut = np.array([v is None for v in vectors], dtype=bool)
    X = np.zeros((len(examples), vector.width()), dtype=np.float32)
    for i, v in enumerate(vectors):
        if v is not None:
            X[i] = v
    return Matrices(
        examples,
        X,
        training.labels([e.categories for e in examples]),
        np.array([e.group for e in examples]),
        [list(find(f, book)[1]) for f in facts],
        [a.lang for a in analyses],
        shut,
    )


Design = Callable[[Matrices, np.ndarray, np.ndarray], list[list[str]]]


def _heads(m: Matrices, tr, te, rules_first: bool, blocks=vector.BLOCKS) -> list[list[str]]:
    X = m.X[:, vector.columns(blocks)]
    heads = training.fit(X[tr], m.Y[tr], m.groups[tr], m.ruled[tr])
    heads.rules_first = rules_first
    probs = heads.probabilities(heads.inputs(X[te]))
    return [
        [] if m.shut[i] else model.decide(heads, p, m.rules[i])
        for i, p in zip(te, probs, strict=True)
    ]


def _textcat(m: Matrices, tr, te) -> list[list[str]]:
    from nlp.detect import textcat

    train = [(m.examples[i].text, set(m.examples[i].categories)) for i in tr]
    predict = textcat.predictor(textcat.fit(train, epochs=12))
    return [[c for c, p in predict(m.examples[i].text).items() if p >= TEXTCAT_CUT] for i in te]


NO_EMBEDDING = ("rules", "concepts", "prototypes")
DESIGNS: dict[str, Design] = {
    "passages+rules+concepts+prototypes heads, rules first": lambda m, tr, te: _heads(
        m, tr, te, True
    ),
    "passages+rules+concepts+prototypes heads": lambda m, tr, te: _heads(m, tr, te, False),
    "rules+concepts+prototypes heads (no embedding), rules first": lambda m, tr, te: _heads(
        m, tr, te, True, NO_EMBEDDING
    ),
    "passage embeddings heads": lambda m, tr, te: _heads(m, tr, te, False, ("embedding",)),
    "spaCy textcat_multilabel (BOW)": _textcat,
    "rules": lambda m, tr, te: [m.rules[i] for i in te],
}
CHOSEN = "passages+rules+concepts+prototypes heads, rules first"


def folds(m: Matrices, k: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(GroupKFold(min(k, len(set(m.groups)))).split(m.X, groups=m.groups))


def out_of_fold(m: Matrices, design: Design, k: int = FOLDS) -> list[list[str]]:
    preds: list[list[str]] = [[] for _ in m.examples]
    for tr, te in folds(m, k):
        for i, cats in zip(te, design(m, tr, te), strict=True):
            preds[i] = cats
    return preds


def score(gold: Path, m: Matrices, preds: list[list[str]], scorer: Path) -> dict:
    """``score.py`` on the out-of-fold predictions of the examples that came from ``gold``."""
    with tempfile.TemporaryDirectory() as tmp:
        pred_path, out = Path(tmp) / "pred.jsonl", Path(tmp) / "score.json"
        with open(pred_path, "w", encoding="utf-8") as fh:
            for e, cats, lang in zip(m.examples, preds, m.langs, strict=True):
                fh.write(json.dumps({"id": e.id, "lang": lang, "categories": cats}) + "\n")
        cmd = [sys.executable, str(scorer), str(gold), str(pred_path), "--json", str(out)]
        subprocess.run(cmd, check=True, capture_output=True)
        return json.loads(out.read_text(encoding="utf-8"))


def cross_validate(
    gold: Path, m: Matrices, designs: list[str] | None = None, k: int = FOLDS
) -> dict[str, dict]:
    scorer = Path(gold).parent / "score.py"
    out = {}
    for name in designs or list(DESIGNS):
        preds = out_of_fold(m, DESIGNS[name], k)
        out[name] = {**score(gold, m, preds, scorer), "confusion": confusion(m, preds)}
    return out


def confusion(m: Matrices, preds: list[list[str]]) -> dict[str, dict[str, int]]:
    """Folded gold leaf → what was predicted for it: itself, the wrong leaves, or ``-`` (none)."""
    table: dict[str, dict[str, int]] = {}
    for e, p in zip(m.examples, preds, strict=True):
        gold, pred = {fold(c) for c in e.categories}, {fold(c) for c in p}
        for g in gold:
            row = table.setdefault(g, {})
            for got in [g] if g in pred else sorted(pred - gold) or ["-"]:
                row[got] = row.get(got, 0) + 1
        if not gold:
            row = table.setdefault("-", {})
            for got in sorted(pred):
                row[got] = row.get(got, 0) + 1
    return table
