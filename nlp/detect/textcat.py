"""A spaCy multilabel text classifier of incident categories, and how detection may use it.

Texts are reduced to word stems (first ``STEM`` letters, lower case) so one bag-of-words model serves
inflected Russian and Kazakh and English alike. ``train`` fits ``textcat_multilabel`` (BOW) on
labelled examples (the project's set, later reviewers' accepted/rejected candidates) and saves it
with ``meta.json``; ``classifier(model_dir)`` loads it as ``text -> {category: probability}``.

``combine`` is the only place detection uses it: it vetoes a rule hit that rests on a single cue
(no legal reference, no headline) when the model gives that category less than ``VETO``. Detection
loads the model only when ``meta.json`` says it helped on held-out data (``use: true``).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import cast

import spacy
from spacy.pipeline import TextCategorizer
from spacy.training import Example

from nlp.detect.rules import Hit

DEFAULT_DIR = Path("data") / "models" / "textcat"
STEM = 6
VETO = 0.03  # chosen on held-out folds: 0.02–0.05 is a plateau (docs/BENCHMARKS.md)
_WORD = re.compile(r"\w+", re.UNICODE)


def stems(text: str) -> str:
    return " ".join(w.casefold()[:STEM] for w in _WORD.findall(text or ""))


def labels_of(examples: Iterable[tuple[str, set[str]]]) -> list[str]:
    return sorted({c for _, cats in examples for c in cats})


def _blank(labels: list[str]):
    nlp = spacy.blank("xx")
    config = {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": False,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 262144,
        }
    }
    textcat = cast(TextCategorizer, nlp.add_pipe("textcat_multilabel", config=config))
    for label in labels:
        textcat.add_label(label)
    return nlp


def fit(
    examples: list[tuple[str, set[str]]],
    labels: list[str] | None = None,
    epochs: int = 12,
    seed: int = 0,
):
    """A trained pipeline (in memory) from ``(text, categories)`` pairs."""
    labels = labels or labels_of(examples)
    nlp = _blank(labels)
    data = [
        Example.from_dict(
            nlp.make_doc(stems(t)), {"cats": {lab: float(lab in c) for lab in labels}}
        )
        for t, c in examples
    ]
    random.Random(seed).shuffle(data)
    optimizer = nlp.initialize(lambda: data)
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(data)
        for start in range(0, len(data), 16):
            nlp.update(data[start : start + 16], sgd=optimizer, drop=0.1)
    return nlp


def predictor(nlp) -> Callable[[str], dict[str, float]]:
    return lambda text: dict(nlp(stems(text)).cats)


def save(nlp, out_dir: Path, meta: dict) -> Path:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir / "model")
    (out_dir / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return out_dir


def meta(model_dir: Path = DEFAULT_DIR) -> dict:
    path = Path(model_dir) / "meta.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=4)
def classifier(model_dir: str = str(DEFAULT_DIR), only_if_useful: bool = True) -> Callable | None:
    """The saved model as ``text -> {category: p}``; ``None`` when absent or not worth using."""
    path = Path(model_dir)
    if not (path / "model").exists() or (only_if_useful and not meta(path).get("use")):
        return None
    return predictor(spacy.load(path / "model"))


def combine(hits: dict[str, Hit], probs: dict[str, float]) -> dict[str, Hit]:
    """Rule hits minus weak ones the model disagrees with (single cue, no legal reference, not in
    the headline, model probability under ``VETO``) — never the article's last remaining hit, so
    the model sharpens categories without costing any-incident recall."""

    def weak(code: str, hit: Hit) -> bool:
        single = (
            len(hit.cues) == 1 and len(hit.sentences) == 1 and not hit.legal and not hit.in_title
        )
        return single and code in probs and probs[code] < VETO

    vetoed = sorted((c for c, h in hits.items() if weak(c, h)), key=lambda c: probs[c])
    keep = dict(hits)
    for code in vetoed:
        if len(keep) > 1:
            keep.pop(code)
    return keep
