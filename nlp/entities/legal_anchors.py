"""Legal anchors: an article keyword with its number list and the parts / paragraphs around it —
"ч. 3 ст. 456-2", "264-ю статью", "Part 3 of Article 456-2", "Article 14(1)", "456-2-бабының
3-бөлігі" — as regex matches, with the article numbers and parts read from them."""

from __future__ import annotations

import re

INT = r"\d{1,4}(?:\s?[-–‑]\s?\d{1,2})?"
NUM = r"\d{1,4}(?:\.\d{1,2}(?!\d))?(?:\s?[-–‑]\s?\d{1,2})?"  # 456-2, 13.15, 207.1
LINK = r"\s*(?:,|;|\bи\b|\bили\b|\band\b|\bor\b|\bжәне\b|\bмен\b)\s*"
LIST = rf"{NUM}(?:{LINK}{NUM})*"
KK_LIST = rf"{INT}(?:{LINK}{INT})*"  # Kazakh codes have no decimal articles ("1.4-бап" is row 1)
PART = r"\d{1,2}(?:\.\d{1,2}(?!\d))?"
PARTS = rf"{PART}(?:\s*(?:,|\bи\b|\band\b|\bжәне\b)\s*{PART})*"
ORDINAL_PARTS = {
    "бірінші": "1",
    "екінші": "2",
    "үшінші": "3",
    "төртінші": "4",
    "бесінші": "5",
    "алтыншы": "6",
    "жетінші": "7",
    "сегізінші": "8",
    "тоғызыншы": "9",
    "оныншы": "10",
}
RU = re.compile(
    rf"(?:(?:п\.|пп\.|пункт\w*|подпункт\w*)\s*(?P<para>\d{{1,2}})\s*)?"
    rf"(?:(?:ч\.|ч(?=\s\d)|част\w*)\s*(?P<parts>{PARTS})\s*)?"
    rf"(?:ст\.\s*ст\.|ст\.|ст(?=\s\d)|стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)\b|статей\b)\s*(?P<nums>{LIST})"
    rf"(?:\s*(?:,\s*)?(?:ч\.|ч(?=\s\d)|част\w*)\s*(?P<parts2>{PARTS}))?",
    re.IGNORECASE,
)
EN = re.compile(
    rf"(?:(?:sub)?(?:paragraph|para\.)\s*(?P<para>\d{{1,2}})\s*(?:of\s+)?)?"
    rf"(?:(?:parts?|pt\.)\s*(?P<parts>{PARTS})\s*(?:of\s+)?(?:the\s+)?)?"
    rf"(?:articles?|arts?\.)\s*(?P<nums>{LIST})"
    rf"(?:\s*\((?P<parts2>\d{{1,2}})\)|,?\s*(?:parts?)\s*(?P<parts3>{PARTS}))?",
    re.IGNORECASE,
)
RU_NUM_FIRST = re.compile(  # "264-ю статью УПК", "по 274-й статье"
    rf"(?P<nums>{INT})\s*-?\s*(?:ю|й|я|ой|ая|ую)\s+(?:стать(?:я|и|е|ю|ей))\b",
    re.IGNORECASE,
)
ORDINAL = "|".join(ORDINAL_PARTS)
KK = re.compile(
    rf"(?P<nums>{KK_LIST})(?:\s*-\s*[іы])?\s*-?\s*(?:бап|баб|бапт)\w*"
    rf"(?:\s*(?P<parts>{PARTS}|{ORDINAL})\s*-?\s*бөлі\w*)?(?:\s*(?P<para>\d{{1,2}})\s*-?\s*тарма[қғ]\w*)?",
    re.IGNORECASE,
)
# "Конституцияның 33 бабына 56 өзгеріс": with no hyphen and a count of changes after it, a number
# before бап counts articles ("changes to 33 articles"), it names none
KK_COUNT = re.compile(r"\s*\d{1,4}\s+(?:өзгеріс|түзету|толықтыру|озгерис|ozgeris)", re.IGNORECASE)
KK_PART_FIRST = re.compile(rf"(?P<parts>{PARTS})\s*-?\s*бөлі\w*\s*$", re.IGNORECASE)


def numbers(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [re.sub(r"\s*[-–‑]\s*", "-", n) for n in re.findall(NUM, raw)]


def _counts_articles(m: re.Match, text: str) -> bool:
    return "-" not in m.group(0)[: m.end("nums") - m.start() + 2] and bool(
        KK_COUNT.match(text, m.end())
    )


def anchors(text: str) -> list[tuple[re.Match, str]]:
    found = [(m, "ru") for m in RU.finditer(text)]
    found += [(m, "ru") for m in RU_NUM_FIRST.finditer(text)]
    found += [(m, "en") for m in EN.finditer(text)]
    found += [(m, "kk") for m in KK.finditer(text) if not _counts_articles(m, text)]
    found.sort(key=lambda x: (x[0].start(), -x[0].end()))
    kept, last_end = [], -1
    for m, kind in found:
        if m.start() >= last_end:
            kept.append((m, kind))
            last_end = m.end()
    return kept


def parts(m: re.Match, kind: str, text: str) -> list[str | None]:
    raw = [m.groupdict().get(g) for g in ("parts", "parts2", "parts3")]
    parts = [
        ORDINAL_PARTS.get(p.casefold(), p)
        for r in raw
        for p in re.findall(rf"{PART}|{ORDINAL}", r or "", re.IGNORECASE)
    ]
    if kind == "kk" and not parts:
        before = KK_PART_FIRST.search(text[max(0, m.start() - 20) : m.start()])
        parts = re.findall(r"\d+", before.group("parts")) if before else []
    return parts or [None]
