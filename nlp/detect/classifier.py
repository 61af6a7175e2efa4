"""The detector at work: one article's facts in, calibrated category probabilities out.

normalised text → gate and excerpt passages → passage embeddings (cached by text hash) + rule
features + concepts + prototype similarities (:mod:`nlp.detect.vector`) → heads → categories, each
with its evidence passage. An article whose excerpt is empty (the gate stays
shut) is not encoded: no incident. ``default()`` is the committed model, ``None`` when the
environment asks for rules only (``PRESSWATCH_DETECTOR=rules``).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.detect import model, vector
from nlp.detect.cues import CueBook
from nlp.detect.encoder import Encoder
from nlp.detect.facts import Facts
from nlp.detect.passages import Passage


@dataclass
class Verdict:
    probability: float  # that the text reports an incident
    probs: dict[str, float] = field(default_factory=dict)  # per leaf
    categories: list[str] = field(default_factory=list)
    evidence: list[Passage] = field(default_factory=list)  # gate passages, in text coordinates


class Detector:
    def __init__(self, heads: model.Heads, encoder: Encoder):
        self.heads, self.encoder = heads, encoder
        self.reader = vector.Reader(encoder, threading.Lock())  # the flow's task threads share it

    def assess(self, facts: Facts, book: CueBook, rule_categories: list[str]) -> Verdict:
        x, passages = self.reader.read(facts, book)
        if x is None:
            return Verdict(0.0)
        probs = self.heads.probabilities(self.heads.inputs(x)[None, :])[0]
        cats = model.decide(self.heads, probs, rule_categories)
        leaves = dict(zip(self.heads.labels[1:], map(float, probs[1:]), strict=True))
        lead = [p for p in passages if p.start > 0] or passages
        return Verdict(float(probs[0]), leaves, cats, lead)


def cache_path() -> Path | None:
    """``PRESSWATCH_EMBEDDING_CACHE`` (``off`` for none), default ``~/.cache/presswatch``."""
    raw = os.environ.get("PRESSWATCH_EMBEDDING_CACHE", "")
    if raw.lower() == "off":
        return None
    return Path(raw) if raw else Path.home() / ".cache" / "presswatch" / "embeddings.sqlite"


@lru_cache(maxsize=2)
def load(model_dir: str = str(model.DEFAULT_DIR)) -> Detector:
    return Detector(model.load(Path(model_dir)), Encoder(cache=cache_path()))


def default() -> Detector | None:
    """The committed detector (``ModelError`` when missing); ``None`` for rules only."""
    if os.environ.get("PRESSWATCH_DETECTOR", "model").lower() == "rules":
        return None
    return load(os.environ.get("PRESSWATCH_MODEL_DIR", str(model.DEFAULT_DIR)))
