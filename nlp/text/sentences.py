"""Sentences with offsets, and the guards that keep a sentence from being evidence.

A guarded sentence (negation, hypothetical, history, generic policy talk) never fires a category:
"police denied detaining journalists", "if the bill passes, sites could be blocked", "in 2014 the
Criminal Code …", "the Constitution guarantees freedom of speech".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.detect.cues import CueBook

# A break after . ! ? … (and a closing quote) followed by space and an upper-case letter, quote or
# digit; never after a lone initial ("Е. Сахиполлаев") or a common abbreviation.
_BREAK = re.compile(r"(?<=[.!?…])[»\"”)]?\s+(?=[«\"“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n\s*\n|\n(?=\S)")
_ABBREV = re.compile(
    r"(?:\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|ст|ч|п|г|гг|им|тыс|млн|млрд|No|Art|Nov|Dec|Jan|Feb|Aug|Sept?|Oct|Mr|Mrs|Dr|St|т\.е|и\.о)\.$"
)
_YEAR = re.compile(
    r"(?:\bв\s+|\bin\s+|\bsince\s+)?\b((?:19|20)\d\d)\s*(?:год|г\.|жыл|\b)", re.IGNORECASE
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` with character offsets (whitespace trimmed)."""
    out, start = [], 0
    for m in _BREAK.finditer(text):
        if _ABBREV.search(text[max(start, m.start() - 6) : m.start()].rstrip('»"”)')):
            continue
        out += _piece(text, start, m.start())
        start = m.end()
    out += _piece(text, start, len(text))
    return out


def _piece(text: str, start: int, end: int) -> list[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    s = start + chunk.index(stripped[0])
    return [Sentence(s, s + len(stripped), stripped)]


def guard(sentence: str, book: CueBook, year: int | None = None) -> str | None:
    """Why ``sentence`` is not evidence (negation/hypothetical/history/policy), or ``None``."""
    low = sentence.lower()
    if keyword_line(sentence):
        return "keywords"
    for name, pattern in book.guards.items():
        if pattern is not None and pattern.search(low):
            return name
    if year is not None:
        for m in _YEAR.finditer(sentence):
            if int(m.group(1)) <= year - book.history_years:
                return "history"
    return None


def keyword_line(sentence: str, items: int = 6, longest: int = 40) -> bool:
    """A page's tag or keyword line ("hackers, fraud, personal data, …"): many short
    comma-separated items in lower case (a list of names is capitalised, so it stays evidence)."""
    parts = [p.strip() for p in sentence.split(",")]
    inner = parts[1:-1]
    if len(parts) < items or max(len(p) for p in parts[:-1]) > longest:
        return False
    return sum(p[:1].islower() for p in inner) >= 0.8 * len(inner)
