"""Dates as Russian and Kazakh pages write them (``3 ноября 2026``, ``2026 жылғы 3 қараша``,
``03.11.2026``), which htmldate does not read; ISO ``YYYY-MM-DD`` out."""

from __future__ import annotations

import datetime as dt
import re

RU = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
KK = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})")
YEAR_DAY_MONTH = re.compile(r"\b(\d{4})\s*(?:жылғы|ж\.)\s*(\d{1,2})\s+([^\W\d_]+)")
NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")


def month_number(word: str) -> int | None:
    word = word.lower()
    for names in (KK, RU, EN):
        for i, stem in enumerate(names):
            if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
                return i + 1
    return None


def _iso(year: int, month: int | None, day: int) -> str | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None) -> str | None:
    """The first date written in ``text``, as ``YYYY-MM-DD``; ``None`` when none is found."""
    if not text:
        return None
    if m := ISO.search(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := YEAR_DAY_MONTH.search(text):
        return _iso(int(m[1]), month_number(m[3]), int(m[2]))
    if m := DAY_MONTH_YEAR.search(text):
        return _iso(int(m[3]), month_number(m[2]), int(m[1]))
    if m := NUMERIC.search(text):
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    return None
