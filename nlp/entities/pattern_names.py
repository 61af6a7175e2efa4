"""English pattern names: names the small NER model misses ("Arman Bekov, imprisoned editor of
…"), found as the last two or three name-shaped words of a run of capitalised words ("General
Director of Steppe TV Channel Aru Saparova"), each with the role of the cue that governs it;
and the test for English capitalised words that are no person's name."""

from __future__ import annotations

import re

from nlp.entities import roles
from nlp.entities.governing_cues import cue_before
from nlp.entities.name_spans import overlaps

RUN = re.compile(r"(?<![\w.])[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|kyzy|uulu|uly|qyzy))*")
NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:['’]s)?|kyzy|uulu|uly|qyzy")


def pattern_names(
    text: str, taken: list[tuple[int, int]], cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[tuple[int, int, str | None]]:
    """(start, end, role) of each pattern name outside ``taken``; the role is the one of the cue
    before the name, after it or in a parenthesis after it (None when no cue has one)."""
    out = []
    for s, e in pattern_spans(text):
        if overlaps(s, e, taken):
            continue
        before, after = cue_before(text, s, e, cues, blocked), roles.role_after(text, e, cues)
        paren = roles.role_in_parenthesis(text, e, cues)
        role = next((c.role for c in (before, after, paren) if c and c.role), None)
        out.append((s, e, role))
    return out


def pattern_spans(text: str) -> list[tuple[int, int]]:
    """The name at the end of each run of capitalised words (after its last word that cannot
    be part of a name), when it is two or three words long (a patronymic marker may follow)."""
    out = []
    for run in RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        cut = max((i for i, w in enumerate(words) if not _name_word(w.group(0))), default=-1)
        tail = words[cut + 1 :]
        size = len(tail) - (1 if tail and tail[-1].group(0).islower() else 0)
        if 2 <= size <= 3 and not tail[0].group(0).islower():
            out.append((run.start() + tail[0].start(), run.start() + tail[-1].end()))
    return out


def not_a_name(span: str) -> bool:
    """English capitalised words that are no person's: months, places, institutions, and
    function words (a title-case headline: "Journalists Under Pressure")."""
    return bool(roles.not_name_pattern().search(span))


def _name_word(word: str) -> bool:
    return bool(NAME_WORD.fullmatch(word)) and not (
        word in roles.name_words()["not_first"] or not_a_name(word)
    )
