"""Where people's names sit in a text: the spans that may be a name — NER spans (natasha PER,
spaCy PERSON), capitalised words after a role cue, a name before ", <role>" or before a
parenthesis giving the role, names continuing a list — trimmed to the words a name can have,
and the spans (outlets, bodies, quotes) no name may overlap."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.entities import roles
from nlp.entities.names import strip_kazakh_case

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі'’"
WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}{LOWER}][{LOWER}]+)?"
CAPS = rf"[{UPPER}]{{4,}}(?![{LOWER}])"  # a surname in capitals ("Айымтора АБДИНА")
NAME = re.compile(rf"{WORD}(?:[^\S\n]+(?:{WORD}|{CAPS})){{1,2}}")
FILLER = re.compile(
    rf"\s*(?:(?:из|с|со|от|в|во|from|of|in)\s+{WORD}|[«\"][^»\"]{{1,60}}[»\"]|[{LOWER}-]+|[A-Z][\w.&-]*|[\w.-]+\.(?:kz|media|news|org|com|ru|info|net))\s*"
)
# a straight quote opens before a non-space and closes after one: '…," said A B. "…' is no quote
QUOTED = re.compile(r"«[^»]{1,80}»|\"(?=\S)[^\"]{1,80}(?<=\S)\"|“[^”]{1,80}”|<<[^<>]{1,80}>>")
PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|ична|ұлы|қызы|улы|кызы)\w*$", re.IGNORECASE)
APPOSITION = re.compile(rf"(?P<name>{WORD}(?:\s+{WORD}){{1,2}})\s*,\s*(?:[\w-]+\s+){{0,2}}$")
LIST_NEXT = re.compile(
    rf"\s*(?:,|\bи\b|\bмен\b|\bпен\b|\bбен\b|\bжәне\b|\band\b)\s*(?P<name>{WORD}\s+(?:{WORD}|{CAPS}))"
)
NAME_BEFORE_PAREN = re.compile(rf"(?<!\S)(?P<name>{WORD}[^\S\n]+(?:{WORD}|{CAPS}))[^\S\n]*$")


def blocked_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = [(h.start, h.end) for h in (doc._.outlets or []) + (doc._.bodies or [])]
    return spans + [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def list_continued(
    text: str, found: list[tuple[int, int]], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Names that continue a list of names NER started ("А Б мен В Г және Д Е")."""
    out: list[tuple[int, int]] = []
    for _, end in found:
        while (m := LIST_NEXT.match(text, end)) and len(out) < 200:
            s, e = trim(text, m.start("name"), m.end("name"))
            if e <= s or overlaps(s, e, blocked + found + out):
                break
            out.append((s, e))
            end = e
    return out


def ner_candidates(doc: Doc) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, t, _ in (doc._.natasha_spans or []) if t == "PER"]
    spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    return [trim(doc.text, s, e) for a, b in spans for s, e in _two_names(doc.text, a, b)]


def _two_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two people NER joined ("Аида Балаева Ботагөз Омарованың"): four capitalised words, no
    patronymic among them, are two names."""
    words = list(re.finditer(WORD, text[start:end]))
    if len(words) < 4 or any(PATRONYMIC.search(w.group(0)) for w in words):
        return [(start, end)]
    return [(start, start + words[1].end()), (start + words[2].start(), end)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep the leading capitalised words of a span that can form a name: "Нұржан Баймолдинның
    ісі" → up to the case-marked word; no Latin word inside a Cyrillic name; a third word only
    when one of them is a patronymic."""
    words = list(re.finditer(rf"{WORD}|(?<=\s){CAPS}", text[start:end]))
    kept: list[re.Match] = []
    for w in words:
        gap = text[start + kept[-1].end() : start + w.start()] if kept else ""
        if kept and (
            gap.strip() or "\n" in gap or w.group(0).isascii() != kept[0].group(0).isascii()
        ):
            break
        kept.append(w)
        if not w.group(0).isascii() and strip_kazakh_case(w.group(0), surname=True) != w.group(0):
            break
    if (
        len(kept) == 3
        and not any(PATRONYMIC.search(w.group(0)) for w in kept[1:])
        and not kept[0].group(0).isascii()
    ):
        kept = kept[:2]
    return (start, start + kept[-1].end()) if kept else (start, start)


def cue_candidates(
    text: str, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    out = []
    for cue in cues:
        if not cue.role:
            continue
        pos = cue.end
        ends = {bs: be for bs, be in blocked}
        for _ in range(5):
            skip = pos + len(text[pos:]) - len(text[pos:].lstrip())
            if skip in ends:
                pos = ends[skip]
                continue
            m = NAME.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
            if m and not overlaps(m.start(), m.end(), blocked) and not _latin_in_cyrillic(text, m):
                out.append(trim(text, m.start(), m.end()))
                break
            if text[skip : skip + 1] == "," and pos == cue.end:
                pos = skip + 1
                continue
            f = FILLER.match(text, pos)
            if not f or f.end() == pos or re.search(r"[,.;:!?]", text[pos : f.end()]):
                break
            pos = f.end()
    return out + apposition_candidates(text, cues, blocked) + paren_candidates(text, cues, blocked)


def paren_candidates(
    text: str, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Names followed by a parenthesis that gives their media role: "А Б («…» газетінің
    меншікті тілшісі)", "A B (a correspondent of …)"."""
    out = []
    for cue in cues:
        opening = text.rfind("(", max(0, cue.start - 160), cue.start)
        if not cue.role or opening < 0 or re.search(r"[)\n]", text[opening : cue.start]):
            continue
        m = NAME_BEFORE_PAREN.search(text, max(0, opening - 60), opening)
        if (
            m
            and not overlaps(m.start("name"), m.end("name"), blocked)
            and m.group("name").split()[0] not in roles.name_words()["not_first"]
            and roles.role_in_parenthesis(text, m.end("name"), cues)
        ):
            out.append(trim(text, m.start("name"), m.end("name")))
    return out


def apposition_candidates(
    text: str, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Names followed by ", <role>": "Gulim Akhmedova, chief editor of …", "Вера Колосова, редактор …"."""
    out = []
    for cue in cues:
        window_start = max(0, cue.start - 80)
        m = APPOSITION.search(text, window_start, cue.start)
        if not cue.role or not m or overlaps(m.start("name"), m.end("name"), blocked):
            continue
        if (
            roles.role_after(text, m.end("name"), cues) == cue
            and m.group("name").split()[0] not in roles.name_words()["not_first"]
        ):
            out.append(trim(text, m.start("name"), m.end("name")))
    return out


def strip_lead(
    text: str, s: int, e: int, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> tuple[int, int]:
    """Drop role words and outlet names an NER span starts with ("Корреспондента Азаттыка Б. А.")."""
    starts = {c.start: c.end for c in cues} | {bs: be for bs, be in blocked}
    while s < e:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if s not in starts:
            break
        s = starts[s]
    return trim(text, s, e)


def _latin_in_cyrillic(text: str, m: re.Match) -> bool:
    return m.group(0).isascii() and bool(
        re.search("[а-яё]", text[max(0, m.start() - 200) : m.end() + 200])
    )


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -(x[1] - x[0]))):
        if e > s and all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return kept
