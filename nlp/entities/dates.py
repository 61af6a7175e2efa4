"""Dates: "12 ноября 2023 года", "12.11.2023", "November 12, 2023", "2023 жылғы 12 қарашада"
→ ISO ``YYYY-MM-DD`` (month precision "YYYY-MM" when the day is missing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
RU_MONTH = r"(?P<m>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
KK_MONTH = (
    r"(?P<m>қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
)
EN_MONTH = (
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
)
PATTERNS = [
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s+{RU_MONTH}(?:\s+(?P<y>(?:19|20)\d{{2}}))?", re.IGNORECASE
    ),
    re.compile(
        rf"(?:(?P<y>(?:19|20)\d{{2}})\s*(?:ж\.|жылғы|жылы)\s+)?(?P<d>\d{{1,2}})\s*-?\s*{KK_MONTH}",
        re.IGNORECASE,
    ),
    re.compile(rf"{EN_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(?P<y>(?:19|20)\d{{2}}))?"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+{EN_MONTH}(?:\s+(?P<y>(?:19|20)\d{{2}}))?"),
]


@dataclass(frozen=True)
class DateMention:
    text: str
    value: str
    start: int
    end: int


def _month(raw: str) -> int | None:
    low = raw.lower()
    return next(
        (n for stem, n in sorted(MONTHS.items(), key=lambda x: -len(x[0])) if low.startswith(stem)),
        None,
    )


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            month = int(g["mn"]) if g.get("mn") else _month(g["m"])
            year = int(g["y"]) if g.get("y") else default_year
            day = int(g["d"])
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
            out.append(DateMention(m.group(0), value, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)
if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)


@Language.factory("presswatch_dates_v1")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc.text, doc._.year)
        return doc
