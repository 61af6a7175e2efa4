"""Normalised text: what the incident detector and the tagger read, mapped back to the raw text.

:func:`normalise` runs these stages on ``raw``, in order:

1. line endings (``\\r\\n``, ``\\r`` → ``\\n``) and invisible characters (zero-width spaces, BOM, soft
   hyphens) removed; control characters other than ``\\n`` and ``\\t``, and U+FFFD, become spaces,
   other space characters a plain space;
2. NFC, token by token (whitespace never composes, so this equals NFC of the whole text), and a
   Latin "i" typed inside a Cyrillic word ("Кодекстiң") read as the Kazakh "і" (same length);
3. page chrome and footnote markers (:mod:`nlp.text.chrome`);
4. whitespace: trailing and leading blanks of lines, runs of spaces, and runs of blank lines (one
   blank line, ``"\\n\\n"``, is kept as the paragraph break);
5. language (:func:`nlp.text.lang.detect_language`) and script of the cleaned text;
6. Latin-script Kazakh is transliterated to Cyrillic (:mod:`nlp.text.translit`), so ``text`` is
   Cyrillic Kazakh whatever the site's spelling and ``script`` tells what the page used.

Each stage is a list of edits applied to ``(text, origin)`` together: ``origin[i]`` is the index in
``raw`` of normalised character i, non-decreasing, kept in a compact ``array("q")``. All stages are
regular expressions or single passes, so the cost is linear in the length of ``raw`` (5 MB is fine).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import chain

from nlp.text.chrome import Edit, apply_edits, strip_chrome
from nlp.text.lang import detect_language
from nlp.text.translit import transliterate

__all__ = ["Normalised", "fold_mixed_script", "normalise"]

SAMPLE = 20_000
INVISIBLE = re.compile(r"\r(?=\n)|[\u00ad\u200b\u200e\u200f\u2060\ufeff]")
CONTROLS = chain(range(0x00, 0x09), range(0x0B, 0x20), range(0x7F, 0xA0), [0xFFFD])
SPACES = chain([0xA0, 0x1680, 0x202F, 0x205F, 0x3000], range(0x2000, 0x200B))
TRANSLATE = {c: " " for c in chain(CONTROLS, SPACES)} | {0x0D: "\n", 0x2028: "\n", 0x2029: "\n"}
NON_SPACE = re.compile(r"\S+")
MIXED_I = re.compile(r"(?<=[а-яёәғқңөұүһі])i|i(?=[а-яёәғқңөұүһі])", re.IGNORECASE)
WHITESPACE = re.compile(
    r"(?P<ends>\A\s+|\s+\Z)"
    r"|(?P<eol>[ \t]+(?=\n))"
    r"|(?P<blank>\n(?:[ \t]*\n)+)[ \t]*"  # blank lines: one is kept
    r"|(?P<bol>(?<=\n)[ \t]+)"
    r"|(?P<run>(?<=\S) {2,})"
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Normalised:
    """Normalised ``text`` of ``raw``; ``origin[i]`` is the raw index of ``text[i]``."""

    text: str
    raw: str
    lang: str  # "ru", "kk", "en" or "other"
    script: str  # of the page: "cyrillic", "latin" or "other"
    origin: array[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span ``(start, end)``, end exclusive, of ``text[start:end]`` (clamped)."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if start == end:
            point = self.origin[start] if start < n else self._raw_end(n - 1)
            return point, point
        return self.origin[start], self._raw_end(end - 1)

    def paragraphs(self) -> list[tuple[int, int]]:
        """Spans of the paragraphs of ``text`` (separated by blank lines), without their blanks."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for match in chain(PARAGRAPH_BREAK.finditer(self.text), [None]):
            stop = match.start() if match else len(self.text)
            chunk = self.text[pos:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                spans.append((pos + lead, pos + len(chunk.rstrip())))
            pos = match.end() if match else stop
        return spans

    def _raw_end(self, i: int) -> int:
        """Raw end of character i: past its source letter and the rest of a digraph or mark."""
        if i < 0:
            return 0
        end = self.origin[i] + 1
        limit = self.origin[i + 1] if i + 1 < len(self.text) else len(self.raw)
        if self.text[i].isalpha():
            while end < limit and _continues(self.raw[end]):
                end += 1
        return max(end, self.origin[i] + 1)


def normalise(raw: str) -> Normalised:
    """Clean, chrome-free, NFC text of ``raw`` with its language, script and offset map."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    text, origin = raw, array("q", range(len(raw)))
    text, origin = apply_edits(
        text, origin, [(*m.span(), "", None) for m in INVISIBLE.finditer(text)]
    )
    text = text.translate(TRANSLATE)
    text, origin = apply_edits(text, origin, list(_nfc_edits(text)))
    text = fold_mixed_script(text)
    text, origin = strip_chrome(text, origin)
    text, origin = apply_edits(
        text, origin, [_whitespace_edit(m) for m in WHITESPACE.finditer(text)]
    )
    lang, script = detect_language(text), _script(text)
    if lang == "kk" and script == "latin":
        text, local = transliterate(text)
        origin = array("q", map(origin.__getitem__, local))
    return Normalised(text=text, raw=raw, lang=lang, script=script, origin=origin)


def fold_mixed_script(text: str) -> str:
    """A Latin "i" typed inside Cyrillic (Kazakh) words ("Кодекстiң", "бөлiгiне") as "і";
    the same length, so offsets hold."""
    return MIXED_I.sub(lambda m: "І" if m.group(0).isupper() else "і", text)


def _continues(c: str) -> bool:
    return c.isalpha() or unicodedata.category(c).startswith("M")


def _script(text: str) -> str:
    sample = text[:SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u052f" for c in letters)
    latin = sum(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in letters)
    if letters and cyrillic >= 0.5 * len(letters):
        return "cyrillic"
    if letters and latin >= 0.5 * len(letters):
        return "latin"
    return "other"


def _nfc_edits(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for match in NON_SPACE.finditer(text):
        token = match.group()
        if not unicodedata.is_normalized("NFC", token):
            nfc = unicodedata.normalize("NFC", token)
            edits.append((*match.span(), nfc, _nfc_offsets(token, nfc)))
    return edits


def _nfc_offsets(token: str, nfc: str) -> list[int] | None:
    """Per NFC character, its index in ``token``: the start of its base-plus-marks cluster."""
    if len(nfc) == len(token):
        return None
    starts = [i for i, c in enumerate(token) if i == 0 or unicodedata.combining(c) == 0]
    offsets: list[int] = []
    for start, stop in zip(starts, starts[1:] + [len(token)], strict=True):
        cluster = unicodedata.normalize("NFC", token[start:stop])
        offsets.extend(start + min(k, stop - start - 1) for k in range(len(cluster)))
    if len(offsets) != len(nfc):  # composition across clusters (Hangul jamo): proportional
        offsets = [k * len(token) // len(nfc) for k in range(len(nfc))]
    return offsets


def _whitespace_edit(match: re.Match[str]) -> Edit:
    """Blank-line runs become one blank line, space runs one space; other blanks go."""
    start, end = match.span()
    if match.lastgroup == "blank":
        return start, end, "\n\n", (0, match.group("blank").rindex("\n"))
    return start, end, " " if match.lastgroup == "run" else "", None
