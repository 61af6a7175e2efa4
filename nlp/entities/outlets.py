"""Outlets: the gazetteer (real outlets, demo outlets, registry aliases) plus outlets the
gazetteer does not know, found by cue — "телеканала «Дала Ньюс»", "корреспондент Qostanai Times",
"«Жас Алаш» газетінің", "a reporter for Dala News", "a Zhetisu Today correspondent" — and named as
written (quotes and case endings removed). The cue patterns are :mod:`nlp.entities.outlet_cues`,
which names can be an outlet's :mod:`nlp.entities.outlet_names`, the written forms to report
:mod:`nlp.entities.outlet_forms`."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import roles
from nlp.entities.attribution import attributed
from nlp.entities.gazetteer import Hit, longest, outlet_gazetteer
from nlp.entities.outlet_cues import (
    AFTER_CUE,
    BEFORE_CUE,
    DOMAIN_NAME,
    EN_BEFORE,
    EN_BEFORE_ROLE,
    EN_CALLED,
    KK_GENITIVE,
    LATIN_NEXT,
    OUTLET_CUE,
    QUOTE_GROUPS,
    QUOTED_NEXT,
)
from nlp.entities.outlet_names import DEMONYMS, not_outlets, outlet_hit, plausible


def _credit_line(text: str, start: int) -> bool:
    line = text[text.rfind("\n", 0, start) + 1 : start]
    credits = "|".join(re.escape(c) for c in not_outlets()["credits"])
    return bool(re.search(rf"(?:^|[\s(])(?:{credits})\s*(?:[:/—-]|by\b)", line, re.IGNORECASE))


def domain_outlets(text: str, known: list[Hit]) -> list[Hit]:
    """Outlets written as their domain, outside URLs, e-mail addresses and picture credits."""
    blocked = {d.casefold() for d in not_outlets()["domains"]}
    hits = []
    for m in DOMAIN_NAME.finditer(text):
        name = m.group("name")
        folded = name.casefold()
        if folded in blocked or any(folded.endswith("." + b) for b in blocked):
            continue
        if _credit_line(text, m.start()):
            continue
        hits += outlet_hit(name, m.start("name"), m.end("name"), known)
    return hits


if not Doc.has_extension("outlets"):
    Doc.set_extension("outlets", default=None)


def _after(
    text: str, end: int, is_role: bool, cyrillic: bool, persons
) -> tuple[str, re.Match] | None:
    m = AFTER_CUE.match(text, end)
    if not m or KK_GENITIVE.search(text, max(0, end - 4), end):
        return None  # "«А» газетінің «Б» бөлімі": Kazakh names its outlet before the word
    group = next((g for g in QUOTE_GROUPS if m.group(g)), "lat")
    if group != "lat" or cyrillic or not is_role or m.group("prep"):
        return group, m
    person = any(m.start(group) < e and s < m.end(group) for s, e in persons or ())
    return (group, m) if m.group("of") and persons is not None and not person else None


def _before(text: str, start: int, is_role: bool, cyrillic: bool) -> tuple[str, re.Match] | None:
    if cyrillic:
        b = BEFORE_CUE.search(text, max(0, start - 80), start)
        return ("q" if b.group("q") else "lat", b) if b else None
    b = EN_BEFORE_ROLE.search(text, max(0, start - 80), start) if is_role else None
    if not b or (b.group("lat") and b.group("lat").split()[-1] in DEMONYMS):
        return None
    return ("lat" if b.group("lat") else "dom"), b


def _quoted_list(text: str, end: int, known: list[Hit]) -> list[Hit]:
    """Quoted names that continue a quoted outlet ("телеканалы «А», «Б» и «В»")."""
    hits: list[Hit] = []
    while (m := QUOTED_NEXT.match(text, end)) and len(hits) < 50:
        group = "q" if m.group("q") else "q3"
        hits += outlet_hit(m.group(group), m.start(group), m.end(group), known)
        end = m.end()
    return hits


def _latin_list(text: str, end: int, known: list[Hit]) -> list[Hit]:
    """Latin names that continue one after an outlet word ("the stations A, B, and C")."""
    hits: list[Hit] = []
    while (m := LATIN_NEXT.match(text, end)) and len(hits) < 50:
        found = outlet_hit(m.group("lat"), m.start("lat"), m.end("lat"), known)
        if not found:
            break
        hits += found
        end = m.end()
    return hits


def _inside_name(text: str, start: int) -> bool:
    """A capitalised outlet word after a capitalised word is the end of a name ("Astana TV
    Channel Anna Bell"): what follows it is not the outlet."""
    before = re.search(r"([\w-]+)\s+$", text[max(0, start - 40) : start])
    return text[start : start + 1].isupper() and bool(before and before.group(1)[:1].isupper())


def unknown_outlets(
    text: str, known: list[Hit], persons: list[tuple[int, int]] | None = None
) -> list[Hit]:
    """Outlets named next to an outlet cue or a media-role cue, outside the gazetteer.
    ``persons`` (English PERSON entities) lets "editor of Kaspiy Vestnik" count when it is no person."""
    outlet_cues = [(m.start(), m.end(), False) for m in OUTLET_CUE.finditer(text)]
    role_cues = [(c.start, c.end, True) for c in roles.find_cues(text) if c.role]
    cyrillic = bool(re.search("[а-яё]", text[:2000], re.IGNORECASE))
    hits = []
    for start, end, is_role in outlet_cues + role_cues:
        named = not is_role and _inside_name(text, start)
        for found in (
            None if named else _after(text, end, is_role, cyrillic, persons),
            _before(text, start, is_role, cyrillic),
        ):
            if found:
                group, m = found
                hits += outlet_hit(m.group(group), m.start(group), m.end(group), known)
                if group in QUOTE_GROUPS:
                    hits += _quoted_list(text, m.end(), known)
                elif group == "lat" and not is_role and not cyrillic:
                    hits += _latin_list(text, m.end(group), known)
    for m in [*EN_BEFORE.finditer(text), *EN_CALLED.finditer(text)]:
        group = "lat" if m.group("lat") else "q"
        end = m.end() if _kind_in_name(m, group) else m.end(group)
        hits += outlet_hit(text[m.start(group) : end], m.start(group), end, known)
    return hits + domain_outlets(text, known)


def _kind_in_name(m: re.Match, group: str) -> bool:
    """ "Astana National TV Channel": a capitalised kind right after the name is part of it."""
    tail = m.string[m.end(group) : m.end()]
    words = tail.split()
    return group == "lat" and "," not in tail and bool(words) and words[-1][:1].isupper()


def org_before_role(doc: Doc, known: list[Hit]) -> list[Hit]:
    """English: an ORG entity right before a role cue ("Dala News cameraman Rustem Abilov")."""
    cues = {c.start for c in roles.find_cues(doc.text) if c.role}
    hits = []
    for ent in doc.ents:
        if (
            ent.label_ == "ORG"
            and doc.text[ent.end_char : ent.end_char + 1] == " "
            and ent.end_char + 1 in cues
        ):
            hits += outlet_hit(ent.text, ent.start_char, ent.end_char, known)
    return hits


def find_outlets(
    text: str,
    registry_aliases: tuple = (),
    doc: Doc | None = None,
    holdout: frozenset[str] = frozenset(),
) -> list[Hit]:
    known = outlet_gazetteer(registry_aliases, holdout).find(text)
    if doc is None:
        return longest(known + unknown_outlets(text, known) + _sources(text, known, []))
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    natasha = [(s, e) for s, e, t, _ in (doc._.natasha_spans or []) if t == "PER"]
    return longest(
        known
        + unknown_outlets(text, known, persons if doc.has_annotation("ENT_IOB") else None)
        + org_before_role(doc, known)
        + _sources(text, known, persons + natasha)
    )


def _sources(text: str, known: list[Hit], persons: list[tuple[int, int]]) -> list[Hit]:
    """Outlets named as a source ("сообщает …", "… хабарлайды", "© …")."""
    found = attributed(text, persons, plausible)
    return [h for name, s, e in found for h in outlet_hit(name, s, e, known)]


@Language.factory("presswatch_outlets_v1", default_config={"discover": True})
def make_outlets(nlp: Language, name: str, discover: bool) -> OutletsComponent:
    return OutletsComponent(discover)


class OutletsComponent:
    """Sets ``doc._.outlets`` (list of gazetteer :class:`Hit`, kind "outlet")."""

    def __init__(self, discover: bool = True, registry_aliases: tuple = ()):
        self.discover, self.registry_aliases = discover, registry_aliases
        self.holdout: frozenset[str] = frozenset()  # evaluation: see Settings.outlets_holdout

    def __call__(self, doc: Doc) -> Doc:
        if self.discover:
            doc._.outlets = find_outlets(doc.text, self.registry_aliases, doc, self.holdout)
        else:
            doc._.outlets = outlet_gazetteer(self.registry_aliases, self.holdout).find(doc.text)
        return doc
