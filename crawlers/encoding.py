"""Bytes to text without mojibake: BOMs, strict UTF-8, then Cyrillic-aware single-byte guessing.

Order of evidence: a byte-order mark; bytes that are valid UTF-8 (a strong signal whatever the
page declares); mostly-valid UTF-8 with a few broken bytes (decoded with replacement characters);
otherwise the single-byte code page whose decoding reads most like Cyrillic prose (real text is
mostly lower case: windows-1251 read as KOI8-R comes out mostly upper case and vice versa), with
the declared charset winning ties; charset-normalizer for everything else.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC_PAGES = ("cp1251", "koi8_r")
META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
MIN_CYRILLIC = 8  # a few stray high bytes are not a Cyrillic page
HEADER = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


def codec_name(label: str | None) -> str | None:
    """Python's name for a charset label, or ``None`` when unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    """The charset the page claims: the HTTP header first, then an XML declaration or a meta tag."""
    if content_type:
        header = HEADER.search(content_type)
        if header and codec_name(header.group(1)):
            return codec_name(header.group(1))
    head = body[:4096]
    for pattern in (XML_DECL, META):
        found = pattern.search(head)
        if found and codec_name(found.group(1).decode("ascii", "ignore")):
            return codec_name(found.group(1).decode("ascii", "ignore"))
    return None


MIXED = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[а-яА-ЯёЁ])\w+")


def cyrillic_score(text: str) -> int:
    """Lower-case minus upper-case Cyrillic letters, minus words mixing Latin and Cyrillic:
    high for real prose, negative for mojibake (``cafй``, ``оПХБЕР``)."""
    lower = sum(1 for ch in text if "а" <= ch <= "я" or ch == "ё")
    upper = sum(1 for ch in text if "А" <= ch <= "Я" or ch == "Ё")
    return lower - upper - 10 * len(MIXED.findall(text))


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 with a few broken bytes (valid multi-byte characters outnumber the broken ones,
    or the broken bytes are a tiny share of the page)."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if wide >= 4 * bad or bad <= len(body) / 1000 else None


def _single_byte(body: bytes, declared: str | None) -> tuple[str, str] | None:
    candidates = list(CYRILLIC_PAGES)
    if declared and declared not in candidates and not declared.startswith("utf"):
        candidates.insert(0, declared)
    elif declared in candidates:
        candidates.remove(declared)
        candidates.insert(0, declared)
    best: tuple[int, str, str] | None = None
    for enc in candidates:
        text = body.decode(enc, "replace")
        points = cyrillic_score(text)
        if best is None or points > best[0]:
            best = (points, text, enc)
    if best and best[0] >= MIN_CYRILLIC:
        return best[1], best[2]
    return None


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` for a page's bytes and its Content-Type header."""
    for bom, enc in BOMS:
        if body.startswith(bom):
            return body.decode(enc, "replace"), enc
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(body, content_type)
    if declared in (None, "utf-8") and (text := _mostly_utf8(body)) is not None:
        return text, "utf-8"
    found = _single_byte(body, declared)
    if found:
        return found
    if declared == "utf-8":
        return body.decode("utf-8", "replace"), "utf-8"
    if declared and not declared.startswith("utf"):
        return body.decode(declared, "replace"), declared
    guess = charset_normalizer.from_bytes(body).best()
    if guess is not None:
        return str(guess), codec_name(guess.encoding) or guess.encoding
    return body.decode("cp1252", "replace"), "cp1252"
