"""The cheap, high-recall gate in front of the encoder, and the excerpt the encoder reads.

The encoder reads about 3,400 characters a second on two cores, so it never reads a whole page.
A passage *opens the gate* when it names a media actor, a legal or police matter, or an online
attack, in any of the three languages (stems in ``nlp/data/gate.yaml``, matched on lower-cased text).
An article none of whose passages opens the gate is not an incident and is not encoded. The excerpt
is the article's first passage (headline and lead) plus the passages that open the gate, in text
order, up to ``budget`` characters: what the classifier was trained on and what it reads here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.detect.passages import Passage, split
from nlp.text import Normalised

DATA = Path(__file__).resolve().parents[1] / "data" / "gate.yaml"
BUDGET = 1_200
RECALL_FLOOR = 0.99  # share of labelled incidents the gate must pass (bench: gate recall)


@lru_cache(maxsize=4)
def pattern(path: str = str(DATA)) -> re.Pattern:
    stems = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["stems"]
    return re.compile("|".join(re.escape(s.lower()) for s in stems))


def opens(text: str, rx: re.Pattern | None = None) -> bool:
    return bool((rx or pattern()).search(text.lower()))


def excerpt_passages(passages: list[Passage], budget: int = BUDGET) -> list[Passage]:
    """The lead passage and the passages that open the gate, within ``budget`` characters;
    empty when no passage opens it."""
    rx = pattern()
    chosen = [p for p in passages if opens(p.text, rx)]
    if not chosen:
        return []
    out, used = [], 0
    for p in ([passages[0]] if passages[0] not in chosen else []) + chosen:
        if used and used + len(p.text) > budget:
            break
        out.append(p)
        used += len(p.text)
    return sorted(out, key=lambda p: p.start)


def select(norm: Normalised, budget: int = BUDGET) -> list[Passage]:
    """The excerpt passages of normalised text, spans in ``norm.text``; empty: the gate is shut."""
    return excerpt_passages(split(norm.text), budget)


def to_raw(norm: Normalised, passages: list[Passage]) -> list[Passage]:
    """The same passages with spans in the raw text (for evidence)."""
    return [Passage(*norm.span(p.start, p.end), p.text) for p in passages]
