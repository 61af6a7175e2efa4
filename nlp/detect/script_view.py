"""The rules' view of a Latin-script Kazakh article: its Cyrillic transliteration.

The cues are written in Cyrillic, so a Kazakh article typed in one of the Latin alphabets
(docs/text.md) would give them nothing to match. :func:`cyrillic_view` gives the rules the
normalised (transliterated) text with the tagger's spans moved onto it; :func:`to_raw` moves the
sentences the rules report back onto the article's own text, so evidence highlights what the
reader sees.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from nlp.detect.facts import Facts, Span
from nlp.text import Normalised, normalise
from nlp.text.sentences import Sentence

CYRILLIC_SHARE = 0.3  # an article with more Cyrillic letters than this is read as it is


def cyrillic_view(facts: Facts) -> tuple[Facts, Normalised] | None:
    """The article as the rules should read it, or ``None`` when it is not Latin-script Kazakh."""
    if facts.lang not in ("kk", "other") or _cyrillic_share(facts.text) > CYRILLIC_SHARE:
        return None
    norm = normalise(facts.text)
    if norm.lang != "kk" or norm.script != "latin":
        return None
    spans = [_moved(s, norm) for s in facts.spans]
    return replace(facts, text=norm.text, spans=[s for s in spans if s is not None]), norm


def to_raw(norm: Normalised, raw: str, sents: list[Sentence]) -> list[Sentence]:
    """The same sentences as spans of the raw text."""
    out = []
    for s in sents:
        start, end = norm.span(s.start, s.end)
        out.append(Sentence(start, end, raw[start:end]))
    return out


def _moved(span: Span, norm: Normalised) -> Span | None:
    start, end = bisect_left(norm.origin, span.start), bisect_left(norm.origin, span.end)
    return replace(span, start=start, end=end) if end > start else None


def _cyrillic_share(text: str, sample: int = 4000) -> float:
    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return 1.0
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
