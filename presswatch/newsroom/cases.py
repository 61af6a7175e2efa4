"""Structured fields of a court-portal case notice: court, case number, parties, article cited.

An article's optional ``court:`` mapping wins; otherwise the fields are read from the first
paragraph of its text, written in the portal's formal style.
"""

from __future__ import annotations

import re

from presswatch.newsroom.content import Article

FIELDS = ("court", "case_number", "date", "parties", "article", "decision")
_DATELINE = re.compile(r"^[А-ЯЁ][А-ЯЁ ]+, \d{1,2} [а-яё]+\.\s*")
_COURT_END = re.compile(
    r"\s+(?:\d{1,2}\s+[а-яё]+\s+\d{4}\s+год|вынес|рассмотрел|частично|удовлетворил|провёл|начал|"
    r"оставил|отказал|признал|прекратил|отменил)"
)
_CASE = re.compile(r"(?:дел[уоа]|делам?)\s*№\s*(\d[\d\-/]*\d)|№\s*(\d+-\d[\d\-/]*\d)")
_ARTICLE = re.compile(r"((?:ч\.\s*\d+\s+)?ст\.\s*\d+(?:-\d+)?\s+(?:УК|КоАП|ГК|УПК)\s+РК)")
_PARTIES = (
    re.compile(r"по иску (.+?) о "),
    re.compile(r"по обвинению (.+?) в совершении"),
    re.compile(r"в отношении (.+?)(?:,| обвиня)"),
    re.compile(r"иск (.+?) о "),
    re.compile(r"иск (.+?) по "),
    re.compile(r"жалобу (.+?) на "),
)
_DECISION = re.compile(r"(приговор|постановлен|решени|определени|оставил|удовлетвор|отказ)", re.I)


def _parties(text: str) -> list[str]:
    for pattern in _PARTIES:
        m = pattern.search(text)
        if m:
            return [
                p.strip()
                for p in re.split(r"\s+к\s+|,\s*|\s+и\s+(?=[А-ЯЁ]\.)", m.group(1))
                if p.strip()
            ]
    return []


def _decision(a: Article) -> str:
    hits = [p for p in a.paragraphs[1:] if _DECISION.search(p)]
    return hits[-1] if hits else a.paragraphs[-1]


def case_fields(a: Article) -> dict:
    """``{court, case_number, date, parties, article, decision}`` of a court-portal article."""
    first = _DATELINE.sub("", a.paragraphs[0])
    m = _COURT_END.search(first)
    case = _CASE.search(a.text)
    cited = _ARTICLE.search(a.text)
    fields = {
        "court": first[: m.start()].strip() if m else "",
        "case_number": (case.group(1) or case.group(2)) if case else "",
        "date": a.published.date().isoformat(),
        "parties": _parties(first),
        "article": " ".join(cited.group(1).split()) if cited else "",
        "decision": _decision(a),
    }
    return {**fields, **{k: v for k, v in a.court.items() if k in FIELDS}}
