"""The detector's input for one article, block by block.

``embedding``: the mean of the excerpt passages' embeddings (each passage encoded on its own, so
a long article's event is not averaged into one blur of 1,200 characters); ``rules``: the cue hits
and legal references (:mod:`nlp.detect.features`); ``concepts``: loose stem families
(:mod:`nlp.detect.concepts`); ``prototypes``: the closest passage to each leaf's prototype
sentences (:mod:`nlp.detect.prototypes`). The heads standardise the whole vector.
"""

from __future__ import annotations

import threading
from contextlib import nullcontext

import numpy as np

from nlp.detect import concepts, features, gate, prototypes
from nlp.detect.cues import CueBook
from nlp.detect.encoder import DIM, Encoder
from nlp.detect.facts import Facts
from nlp.detect.passages import Passage
from nlp.text import normalise

BLOCKS = ("embedding", "rules", "concepts", "prototypes")


def sizes() -> dict[str, int]:
    return {
        "embedding": DIM,
        "rules": features.SIZE,
        "concepts": concepts.size(),
        "prototypes": prototypes.SIZE,
    }


def layout() -> dict[str, slice]:
    """Block name → its columns."""
    out, start = {}, 0
    for name, n in sizes().items():
        out[name] = slice(start, start + n)
        start += n
    return out


def width() -> int:
    return sum(sizes().values())


def build(
    passages: np.ndarray, rules: np.ndarray, concept: np.ndarray, similar: np.ndarray
) -> np.ndarray:
    """One article's vector from its passage embeddings ``(n, DIM)`` and the other blocks."""
    pooled = passages.mean(axis=0) if len(passages) else np.zeros(DIM, dtype=np.float32)
    return np.concatenate([pooled, rules, concept, similar]).astype(np.float32)


def columns(names: tuple[str, ...]) -> np.ndarray:
    """The column indices of the named blocks (for designs that read only some)."""
    where = layout()
    return np.concatenate([np.arange(where[n].start, where[n].stop) for n in names])


class Reader:
    """Builds articles' vectors with one encoder (and its prototypes, encoded on first use)."""

    def __init__(self, encoder: Encoder, lock: threading.Lock | None = None):
        self.encoder = encoder
        self._lock = lock
        self._prototypes: prototypes.Prototypes | None = None

    def embed(self, texts: list[str]) -> np.ndarray:
        with self._lock or nullcontext():
            return self.encoder.encode(texts)

    def similar(self, emb: np.ndarray) -> np.ndarray:
        if self._prototypes is None:
            with self._lock or nullcontext():
                self._prototypes = prototypes.Prototypes(self.encoder)
        return self._prototypes.similarities(emb)

    def read(self, facts: Facts, book: CueBook) -> tuple[np.ndarray | None, list[Passage]]:
        """The raw vector and the excerpt passages (raw-text spans); ``None``: the gate is shut."""
        norm = normalise(facts.text)
        chosen = gate.select(norm)
        if not chosen:
            return None, []
        emb = self.embed([p.text for p in chosen])
        rules = features.rule_features(facts, book)
        x = build(emb, rules, concepts.concept_features(norm.text), self.similar(emb))
        return x, gate.to_raw(norm, chosen)
