"""Rule hits and legal references as numbers beside the embeddings.

The rules (``nlp.detect.rules``) and the tagger's legal references are evidence the encoder may miss: a
reference to CAO 456-2 says ``legal.administrative`` louder than any embedding. Per leaf: whether a
cue hit survives the guards, in how many sentences, in the headline, kept by the ranking, backed by a
mapped legal article; then the codes cited, and whether the text names journalists and outlets.
"""

from __future__ import annotations

import numpy as np

from nlp.detect.cues import CueBook
from nlp.detect.facts import Facts
from nlp.detect.rules import Hit, collect, rank
from nlp.detect.taxonomy import LEAVES

CODES = ("CC", "CAO", "CIVIL", "CPC", "CONST", "OTHER")
PER_LEAF = 5
GLOBAL = len(CODES) + 4
SIZE = PER_LEAF * len(LEAVES) + GLOBAL


def _leaf_row(hit: Hit | None, kept: bool, legal: bool) -> list[float]:
    if hit is None:
        return [0.0, 0.0, 0.0, 0.0, float(legal)]
    return [1.0, min(len(hit.sentences), 4) / 4, float(hit.in_title), float(kept), float(legal)]


def _legal_leaves(facts: Facts, book: CueBook) -> set[str]:
    refs = [s.extra for s in facts.of("legal")]
    found = (book.legal_category(r.get("code", ""), r.get("article", "")) for r in refs)
    return {c for c in found if c}


def _global(facts: Facts, hits: dict[str, Hit]) -> list[float]:
    codes = {s.extra.get("code") for s in facts.of("legal")}
    roles = [s for s in facts.of("person") if s.role]
    return [float(c in codes) for c in CODES] + [
        min(len(roles), 3) / 3,
        min(len(facts.of("outlet")), 3) / 3,
        min(len(hits), 4) / 4,
        float(bool(facts.of("amount"))),
    ]


def rule_features(facts: Facts, book: CueBook) -> np.ndarray:
    """A ``SIZE`` float vector of the article's rule evidence."""
    sents, hits = collect(facts, book)
    kept = rank(facts, sents, dict(hits))
    legal = _legal_leaves(facts, book)
    rows: list[float] = []
    for leaf in LEAVES:
        rows += _leaf_row(hits.get(leaf), leaf in kept, leaf in legal)
    return np.asarray(rows + _global(facts, hits), dtype=np.float32)
