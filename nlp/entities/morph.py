"""Russian names to the nominative ("журналиста Азамата Жаксылыкова" → "Азамат Жаксылыков").

The case comes from the word before the name when it is a noun ("журналистку" → accusative),
else from the first name's own analysis; the surname's ending then fixes case and gender
(-ой is feminine oblique, -у is masculine dative or feminine accusative…), and first names the
dictionary does not know (many Kazakh names) get their ending restored by rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

OV = re.compile(r"^(?P<stem>.+(?:ов|ев|ёв|ин|ын))(?P<end>|а|у|ым|е|ой)$")
SKY = re.compile(r"^(?P<stem>.+(?:ск|цк))(?P<end>ий|ого|ому|им|ом|ая|ой|ую)$")
# (gender, case) readings of each ending and the nominative ending for that gender
OV_READINGS = {
    "": [("Masc", "Nom", "")],
    "а": [("Masc", "Gen", ""), ("Masc", "Acc", ""), ("Fem", "Nom", "а")],
    "у": [("Masc", "Dat", ""), ("Fem", "Acc", "а")],
    "ым": [("Masc", "Ins", "")],
    "е": [("Masc", "Loc", "")],
    "ой": [("Fem", "Gen", "а"), ("Fem", "Dat", "а"), ("Fem", "Ins", "а"), ("Fem", "Loc", "а")],
}
SKY_READINGS = {
    "ий": [("Masc", "Nom", "ий")],
    "ого": [("Masc", "Gen", "ий"), ("Masc", "Acc", "ий")],
    "ому": [("Masc", "Dat", "ий")],
    "им": [("Masc", "Ins", "ий")],
    "ом": [("Masc", "Loc", "ий")],
    "ая": [("Fem", "Nom", "ая")],
    "ой": [("Fem", "Gen", "ая"), ("Fem", "Dat", "ая"), ("Fem", "Ins", "ая"), ("Fem", "Loc", "ая")],
    "ую": [("Fem", "Acc", "ая")],
}
# (gender, case) → [(ending, replacement)] for first names the dictionary lacks
FIRST_ENDINGS: dict[tuple[str, str | None], list[tuple[str, str]]] = {
    ("Fem", "Gen"): [("ии", "ия"), ("ьи", "ья"), ("и", "а"), ("ы", "а")],
    ("Fem", "Dat"): [("ии", "ия"), ("е", "а")],
    ("Fem", "Acc"): [("ию", "ия"), ("ью", "ья"), ("у", "а"), ("ю", "я")],
    ("Fem", "Ins"): [("ей", "я"), ("ой", "а")],
    ("Fem", "Loc"): [("ии", "ия"), ("е", "а")],
    ("Masc", "Gen"): [("я", "й"), ("а", "")],
    ("Masc", "Acc"): [("я", "й"), ("а", "")],
    ("Masc", "Dat"): [("ю", "й"), ("у", "")],
    ("Masc", "Ins"): [("ем", "й"), ("ом", "")],
    ("Masc", "Loc"): [("е", "")],
}
FEMININE_CUES = re.compile(r"(ка|ку|ки|кой|ке|ша|шу|ши)$")


@lru_cache(maxsize=1)
def morph():
    from natasha import MorphVocab

    return MorphVocab()


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[tuple[str, str | None, str | None, float], ...]:
    return tuple(
        (p.normal, p.feats.get("Gender"), p.feats.get("Case"), p.score)
        for p in morph().parse(word)
        if p.pos in ("NOUN", "PROPN", "ADJ")
    )


def cue_reading(word: str | None) -> tuple[set[str], str | None]:
    """Cases (and gender when marked, e.g. "журналистка") of the noun just before a name."""
    if not word or not re.fullmatch(r"[а-яё-]+", word):
        return set(), None
    parses = _parses(word)
    cases = {c for _, _, c, _ in parses if c}
    fem = any(g == "Fem" for _, g, _, _ in parses) and FEMININE_CUES.search(word)
    return cases, ("Fem" if fem else None)


def _surname_readings(surname: str) -> list[tuple[str, str, str]]:
    low = surname.lower()
    for regex, table in ((SKY, SKY_READINGS), (OV, OV_READINGS)):
        m = regex.match(low)
        if m:
            stem = surname[: len(m.group("stem"))]
            return [(g, c, stem + nom) for g, c, nom in table[m.group("end")]]
    return []


def _first_nominative(first: str, gender: str, case: str | None) -> str:
    for normal, g, c, _ in _parses(first):
        if g == gender and c == case and normal and case != "Nom":
            return normal.capitalize() if first[:1].isupper() else normal
    if case == "Nom":
        return first
    for ending, repl in FIRST_ENDINGS.get((gender, case), []):
        if first.lower().endswith(ending) and len(first) > len(ending) + 2:
            return first[: len(first) - len(ending)] + repl
    return first


def _pick(readings, cases: set[str], gender: str | None, first: str | None):
    first_parses = _parses(first) if first else ()

    def score(r):
        g, c, _ = r
        s = 2.0 if c in cases else 0.0
        s += 1.0 if gender and g == gender else 0.0
        s += max((p for _, pg, pc, p in first_parses if pg == g and pc == c), default=0.0)
        return s + (0.1 if c == "Nom" else 0.0)

    return max(readings, key=score)


def nominative(tokens: list[str], cue: str | None = None) -> list[str]:
    """The name's tokens in the nominative (Russian morphology; other tokens left as they are)."""
    if not tokens or not all(re.fullmatch(r"[А-ЯЁа-яё-]+", t) for t in tokens):
        return tokens
    cases, gender = cue_reading(cue.lower() if cue else None)
    first, last = (tokens[0], tokens[-1]) if len(tokens) > 1 else (None, tokens[0])
    readings = _surname_readings(last)
    if not readings:
        return _without_surname_rule(tokens, cases, gender)
    g, c, nom_last = _pick(readings, cases, gender, first)
    middle = [_first_nominative(t, g, c) for t in tokens[1:-1]]
    return ([_first_nominative(first, g, c)] if first else []) + middle + [nom_last]


def _without_surname_rule(tokens: list[str], cases: set[str], gender: str | None) -> list[str]:
    if len(tokens) > 1 and re.search(r"[иь]и$", tokens[0]):
        return [_first_nominative(tokens[0], "Fem", "Gen"), *tokens[1:]]
    parses = [
        p
        for p in _parses(tokens[0])
        if (not cases or p[2] in cases) and (not gender or p[1] == gender)
    ]
    if not parses or len(tokens) == 1:
        return tokens
    _, g, c, _ = max(parses, key=lambda p: p[3])
    if c == "Nom" or g is None:
        return tokens
    first = _first_nominative(tokens[0], g, c)
    rest = [
        t[:-1] if g == "Masc" and c in ("Gen", "Acc") and t.endswith("а") and len(t) > 4 else t
        for t in tokens[1:]
    ]
    return [first, *rest]
