"""The role cue that governs a found name: the cue right before it (on a headline only one
directly before the name), else the role of the name it is listed with, the cue after it, a
parenthesis naming the role, or a list's role; plus the headline test and the cue word that
steers a Russian name's nominative."""

from __future__ import annotations

import re

from nlp.entities import roles
from nlp.entities.name_spans import LOWER
from nlp.entities.outlet_cues import OUTLET_CUE

LINK = re.compile(r"^\s*(?:,|и|and|және|мен|а также|as well as)\s*$", re.IGNORECASE)
LINKED_BY_OUTLET = re.compile(rf"^\s*(?:,|и|and|және|мен|а также)\s+(?:[{LOWER}-]+\s+){{0,2}}$")


def cue_before(text, s, e, cues, blocked) -> roles.Cue | None:
    """:func:`nlp.entities.roles.role_before`, but on a headline only a cue right before the name (or its
    outlet) counts ("Blogger Critical Of Government Gets Lengthy Prison Term", "Journalists in
    Gaza Face Death": a headline's words, no name)."""
    cue = roles.role_before(text, s, cues, blocked)
    if cue and headline_line(text, s, e):
        return None if roles.unblocked(text, cue.end, s, blocked).strip() else cue
    return cue


def governing_cue(text, s, e, cues, blocked, people) -> roles.Cue | None:
    cue = cue_before(text, s, e, cues, blocked)
    if cue and people and cue.end <= people[-1].start and people[-1].end <= s:
        cue = None  # a cue governs the first name after it only ("адвокат журналистки А Б" → Б is not)
    if cue is None and people and people[-1].role and _linked(text, people[-1].end, s, blocked):
        return roles.Cue(people[-1].role, people[-1].start, people[-1].start, people[-1].cue or "")
    if cue and cue.role:
        return cue
    after = roles.role_after(text, e, cues)
    if after and after.role:
        return after
    if paren := roles.role_in_parenthesis(text, e, cues):
        return paren
    return cue or after or roles.listed_role(text, s, cues)


def _linked(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """Two names joined by "and", also with the second one's outlet in between ("журналисты
    «А» Иван Петров и агентства «Б» Пётр Сидоров")."""
    if LINK.match(text[start:end]):
        return True
    bare = roles.unblocked(text, start, end, blocked)
    if bare == text[start:end] or not OUTLET_CUE.search(bare):
        return False
    if any(c.role is None for c in roles.find_cues(bare)):
        return False  # "журналист А и адвокат газеты «Б» В": В is the lawyer
    return bool(LINKED_BY_OUTLET.match(OUTLET_CUE.sub(" ", bare)))


def headline_line(text: str, start: int, end: int) -> bool:
    """The span sits on a headline: a short line with no full stop, its words mostly capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if len(line) > 200 or line[-1:] in (".", "!", "?", "»", '"'):
        return False
    words = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def cue_word(text: str, start: int, cue: roles.Cue | None) -> str | None:
    if cue and cue.text:
        return cue.text.split()[-1]
    words = re.findall(r"[\w-]+", text[max(0, start - 30) : start])
    return words[-1] if words and words[-1].islower() else None
