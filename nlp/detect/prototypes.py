"""Prototype sentences per leaf, and how close an article's passages come to them.

``nlp/data/prototypes.yaml`` tells, for each leaf, how such an incident is typically reported, in
the three languages. They are encoded once by the same encoder as the passages; the feature of a
leaf is the best cosine similarity between any excerpt passage and any of its sentences. With a
handful of labelled texts for some leaves (copyright, impersonation, privacy), this zero-shot
similarity says more than a head trained on them alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from nlp.detect.encoder import Encoder
from nlp.detect.taxonomy import LEAVES
from storage.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data" / "prototypes.yaml"
SIZE = len(LEAVES)


@lru_cache(maxsize=4)
def sentences(path: str = str(DATA)) -> dict[str, tuple[str, ...]]:
    """Leaf → its prototype sentences; :class:`ConfigError` when a leaf has none."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        out = {leaf: tuple(str(s) for s in raw.get(leaf) or ()) for leaf in LEAVES}
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
        raise ConfigError(f"{path}: not a prototype file ({exc})") from exc
    empty = [leaf for leaf, s in out.items() if not s]
    if empty:
        raise ConfigError(f"{path}: no prototype sentence for {', '.join(empty)}")
    return out


class Prototypes:
    """The encoded sentences: ``similarities(passage_embeddings) -> (SIZE,)``."""

    def __init__(self, encoder: Encoder, path: str = str(DATA)):
        by_leaf = sentences(path)
        flat = [s for leaf in LEAVES for s in by_leaf[leaf]]
        self.matrix = encoder.encode(flat)  # (sentences, DIM), L2-normalised
        self.owner = np.repeat(np.arange(SIZE), [len(by_leaf[leaf]) for leaf in LEAVES])

    def similarities(self, passages: np.ndarray) -> np.ndarray:
        if len(passages) == 0:
            return np.zeros(SIZE, dtype=np.float32)
        best = (passages @ self.matrix.T).max(axis=0)  # per sentence, over passages
        out = np.full(SIZE, -1.0, dtype=np.float32)
        np.maximum.at(out, self.owner, best)
        return out
