"""A text cut into passages: the windows the encoder reads and the classifier scores.

Lines are grouped into passages of about ``target`` characters without crossing a blank line
when the paragraph is long enough on its own; a paragraph longer than ``limit`` is cut at sentence
ends. Each passage is a span of the text, so its evidence highlights the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+")
LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    text: str


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Lines, with lines longer than ``limit`` cut at sentence ends (or hard at ``limit``)."""
    out: list[tuple[int, int]] = []
    for m in LINE.finditer(text):
        start, end = m.start(), m.end()
        if not text[start:end].strip():
            continue
        cuts = [c.end() for c in SENTENCE_END.finditer(text, start, end)] + [end]
        pos = start
        for cut in cuts:
            while cut - pos > limit:
                out.append((pos, pos + limit))
                pos += limit
            if cut - pos > 0 and (cut == end or cut - pos >= limit // 2):
                out.append((pos, cut))
                pos = cut
    return out


def split(text: str, target: int = 400, limit: int = 700, cap: int = 200) -> list[Passage]:
    """At most ``cap`` passages covering ``text`` (later text is dropped: bounded work)."""
    groups: list[list[int]] = []
    for start, end in _pieces(text, limit):
        if groups and end - groups[-1][0] <= target:
            groups[-1][1] = end
        else:
            groups.append([start, end])
        if len(groups) > cap:
            groups.pop()
            break
    return [Passage(s, e, text[s:e].strip()) for s, e in groups]
