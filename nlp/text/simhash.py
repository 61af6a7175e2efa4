"""64-bit simhash over word shingles: near-duplicate and syndicated texts share most bits."""

from __future__ import annotations

import hashlib
import re

BITS = 64
_WORD = re.compile(r"\w+", re.UNICODE)


def _h(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(text: str, shingle: int = 3) -> int:
    """The text's simhash as a signed 64-bit int (SQLite INTEGER)."""
    words = [w.casefold() for w in _WORD.findall(text or "")]
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    weights = [0] * BITS
    for gram in grams:
        h = _h(gram)
        for bit in range(BITS):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(BITS) if weights[bit] > 0)
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def distance(a: int, b: int) -> int:
    """Hamming distance between two (signed) simhashes."""
    return bin((a ^ b) & ((1 << BITS) - 1)).count("1")


def near(a: int | None, b: int | None, threshold: int = 6) -> bool:
    return a is not None and b is not None and distance(a, b) <= threshold
