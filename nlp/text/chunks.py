"""Long texts split into bounded chunks at paragraph or sentence boundaries."""

from __future__ import annotations

import re

BOUNDARY = re.compile(r"\n\s*\n|\n|(?<=[.!?])\s+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def clean(text: str | None) -> str:
    """Text safe for the pipeline: control characters and replacement marks become spaces."""
    return CONTROL.sub(" ", text or "")


def split(text: str, size: int) -> list[tuple[int, str]]:
    """``[(offset, chunk)]`` covering ``text``; each chunk at most ``size`` characters, cut at
    the last paragraph / sentence boundary in its second half when there is one."""
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cuts = [m.end() for m in BOUNDARY.finditer(text, pos + size // 2, end)]
            end = cuts[-1] if cuts else end
        out.append((pos, text[pos:end]))
        pos = end
    return out
