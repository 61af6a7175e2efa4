"""Role candidates: a text's people grouped into candidates for the role model — all mentions
whose surnames meet up to an inflection ("Бажкенова" / "Бажкеновой"), unless both mentions have
first names that differ (a journalist's wife or brother is someone else)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.entities.names import key
from nlp.entities.people import Person

PATRONYMIC_MARKERS = {"kyzy", "uulu", "uly", "qyzy", "кызы", "уулу", "ұлы", "қызы"}


@dataclass
class Candidate:
    """One person of a text: the mentions that share a surname."""

    name: str
    mentions: list[Person] = field(default_factory=list)


def same_surname(a: str, b: str) -> bool:
    """Surname keys that meet up to an inflection ("Бажкенова" / "Бажкеновой")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1]) and len(long_) - len(short) <= 3


def _first_names(people: list[Person]) -> set[str]:
    return {key(p.norm.split()[0]) for p in people if len(p.norm.split()) > 1}


def _same_person(group: Candidate, p: Person) -> bool:
    """A surname alone joins anyone of that surname; two full names join when their first names
    meet too (a journalist's wife or brother is someone else: "Arman Bekov" / "Dana Bekova",
    "Aida Asan kyzy" / "Timur Asan uulu")."""
    mine = _first_names([p])
    theirs = _first_names(group.mentions)
    return not mine or not theirs or any(_first_meet(a, b) for a in mine for b in theirs)


def _first_meet(a: str, b: str) -> bool:
    """First names that meet: the same up to an inflection, or an initial ("T." / "Tamara")."""
    short, long_ = sorted((a, b), key=len)
    return same_surname(a, b) or (len(short) <= 2 and long_.startswith(short[:1]))


def _surname(words: list[str]) -> str:
    """The surname word: the last, or the one before a Kyrgyz/Kazakh patronymic marker."""
    if len(words) > 2 and words[-1].casefold() in PATRONYMIC_MARKERS:
        return words[-2]
    return words[-1]


def candidates(people: list[Person]) -> list[Candidate]:
    """People grouped by surname (and first name, when both mentions have one); the longest
    name form names the group."""
    groups: list[tuple[str, Candidate]] = []
    for p in people:
        words = p.norm.split()
        if not words:
            continue
        surname = key(_surname(words)) or key(p.norm)
        group = next(
            (g for k, g in groups if same_surname(k, surname) and _same_person(g, p)), None
        )
        if group is None:
            group = Candidate(p.norm)
            groups.append((surname, group))
        group.mentions.append(p)
        if len(words) > len(group.name.split()):
            group.name = p.norm
    return [g for _, g in groups]
