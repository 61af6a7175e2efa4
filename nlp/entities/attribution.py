"""Outlets named as a source: attribution verbs and source lines — "сообщает Steppenews",
"по данным «Дала Ньюс»", "X хабарлайды", "деп хабарлайды X", "X-тың хабарлауынша", "told Steppe Times",
"Originally published on X", "X informs",
"© Steppe Herald", "/Вестник Степи/", "Источник: …", "Дереккөз: …".

Only names shaped like an outlet's are kept (Latin capitalised words or a domain, or a quoted
name; in Cyrillic a capitalised name that natasha does not call a person and the body gazetteer
does not know), and every name passes :func:`nlp.entities.outlet_names.plausible`.
"""

from __future__ import annotations

import re

from nlp.entities.gazetteer import body_gazetteer

LAT = r"[A-Z][A-Za-z0-9&'’-]*(?:\.[a-z]{2,})?(?:\s+[A-Z0-9][A-Za-z0-9&'’-]*(?:\.[a-z]{2,})?){0,3}"
NOT_SOURCE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Foundation|Service|Committee|Ministry|Office|Department|Journalists|Union|Court|Police|"
    r"Prosecutor\w*|Government|Embassy|Council)\b|Свидетельств"
)
CYR = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][\w.-]+(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ0-9][\w.-]+){0,2}"
QUOTED = r"«[^»\n]{2,50}»|“[^”\n]{2,50}”|\"[^\"\n]{2,50}\""
NAME = rf"(?P<name>{QUOTED}|{LAT}|{CYR})"
BEFORE = re.compile(  # the verb before the name
    r"(?<!\w)(?:сообщает|сообщают|сообщило|пишет|передает|передаёт|информирует|по данным|"
    r"по информации|со ссылкой на|в интервью|в эфире|reported by|quoted by|"
    r"in an interview with|wrote in|writes|reports|(?:originally |first )?published (?:on|by|in)|"
    r"деп (?:хабарлайды|хабарлады|жазады|жазды))\s+(?:the\s+)?" + NAME,
)
AFTER = re.compile(  # the verb after the name (Kazakh, English)
    NAME + r"(?:-?(?:тың|тің|ның|нің|дың|дің))?\s+(?:хабарлайды|хабарлады|жазады|жазды|"
    r"хабарлауынша|мәліметінше|дерегінше|жазуынша|reported|reports|wrote|informs)(?!\w)"
)
SOURCE_LINE = re.compile(
    r"(?:^|\n)\s*(?:©|Источник:|Source:|Дереккөз:|Қайнар көз:)\s*"
    + NAME
    + r"|(?:^|\n)\s*/(?P<slash>[^/\n]{2,40})/\s*(?:$|\n)"
    # a dateline: "Астана, STEPPE.KZ. …" (a city, a comma, the outlet in capitals, a full stop)
    + r"|(?:^|\n)\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+,\s+(?P<dateline>[A-Z][A-Z0-9]{2,}(?:\.[A-Z]{2,})?)\.(?=\s)",
)


def _persons(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def attributed(text: str, persons: list[tuple[int, int]], plausible) -> list[tuple[str, int, int]]:
    """``(name, start, end)`` of every outlet named as a source."""
    bodies = [(h.start, h.end) for h in body_gazetteer().find(text)]
    out = []
    for regex in (BEFORE, AFTER, SOURCE_LINE):
        for m in regex.finditer(text):
            group = next((g for g in ("slash", "dateline") if m.groupdict().get(g)), "name")
            start, end = m.start(group), m.end(group)
            name = m.group(group).strip(' «»“”".,')
            name = re.sub(r"[.,:;]$", "", name)
            if (
                _persons(persons + bodies, start, end)
                or not plausible(name)
                or NOT_SOURCE.search(name)
            ):
                continue
            strong = m.group(group)[:1] in '«“"' or regex is SOURCE_LINE
            if not strong and re.fullmatch(CYR, name) and not _cyrillic_outlet(name):
                continue
            out.append((name, start, end))
    return out


def _cyrillic_outlet(name: str) -> bool:
    """A bare Cyrillic name counts when it looks like a brand, not a person or a place: a
    domain, a digit, a Latin letter, or an all-capital acronym of 3+ letters."""
    return bool(re.search(r"\.\w{2,}$|\d|[A-Za-z]", name)) or (name.isupper() and len(name) >= 3)
