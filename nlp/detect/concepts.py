"""Concept stems as numbers: loose evidence the strict cues of ``cues.yaml`` do not count.

A cue fires only when a media actor and an act meet in one sentence and the guards let it through;
a concept (``nlp/data/concepts.yaml``: "fine", "lawsuit", "arrest days", "closed court" …) is just
a family of stems. Per concept: the share of sentences that match (capped), of those that also name
a media actor (the concept ``media``), and whether the headline matches. The heads weigh them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from storage.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data" / "concepts.yaml"
MEDIA = "media"
CAP = 3  # sentences counted per concept
READ = 20_000  # characters read: the features describe the article, not its whole archive
SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


@lru_cache(maxsize=4)
def patterns(path: str = str(DATA)) -> dict[str, re.Pattern]:
    """Concept name → one compiled alternation; :class:`ConfigError` for a broken file."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        out = {str(k): re.compile("|".join(v)) for k, v in raw.items()}
    except (OSError, yaml.YAMLError, AttributeError, TypeError, re.error) as exc:
        raise ConfigError(f"{path}: not a concept file ({exc})") from exc
    if MEDIA not in out:
        raise ConfigError(f"{path}: the concept {MEDIA!r} is required")
    return out


def size(path: str = str(DATA)) -> int:
    return 3 * len(patterns(path))


def concept_features(text: str, path: str = str(DATA)) -> np.ndarray:
    """A ``size()`` float vector for normalised ``text``."""
    rx = patterns(path)
    sents = [s for s in SENTENCE.split(text[:READ].lower()) if s.strip()] or [""]
    media = [bool(rx[MEDIA].search(s)) for s in sents]
    row: list[float] = []
    for r in rx.values():
        hits = [bool(r.search(s)) for s in sents]
        with_media = sum(h and m for h, m in zip(hits, media, strict=True))
        row += [min(sum(hits), CAP) / CAP, min(with_media, CAP) / CAP, float(hits[0])]
    return np.asarray(row, dtype=np.float32)
