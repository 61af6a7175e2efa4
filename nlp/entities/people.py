"""People with media roles: candidates from NER (natasha spans for Cyrillic, spaCy PERSON for
English) and from role cues followed by capitalised words (:mod:`nlp.entities.name_spans`),
English pattern names (:mod:`nlp.entities.pattern_names`); each tied to its role cue
(:mod:`nlp.entities.governing_cues`) and brought to a nominative, match-ready name (Russian
morphology, Kazakh case endings, English possessives)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import roles
from nlp.entities.governing_cues import cue_word, governing_cue, headline_line
from nlp.entities.morph import nominative
from nlp.entities.name_spans import (
    blocked_spans,
    cue_candidates,
    list_continued,
    merge,
    ner_candidates,
    overlaps,
    strip_lead,
)
from nlp.entities.names import kazakh_nominative, strip_kazakh_case
from nlp.entities.pattern_names import not_a_name, pattern_names


@dataclass(frozen=True)
class Person:
    text: str
    norm: str
    start: int
    end: int
    role: str | None
    cue: str | None = None
    written: str | None = None  # the text's own (nominative) form when ``norm`` is a registry name


if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)
if not Doc.has_extension("lang"):
    Doc.set_extension("lang", default=None)


COMMON_WORDS = {"Заң", "Закон", "Кодекс", "Сот", "Суд", "Конституция", "Министрлік", "Прокуратура"}
LOCATIVE = re.compile(r"(?:дағы|дегі|тағы|тегі)$", re.IGNORECASE)  # "Шымкенттегі" = "in Shymkent"


def normalise(text: str, lang: str, cue_word: str | None) -> str:
    tokens = text.replace("’", "'").split()
    if lang == "en" or tokens[0].isascii():
        tokens[-1] = re.sub(r"'s?$", "", tokens[-1])
        return " ".join(tokens)
    if lang == "kk" or re.search("[әғқңөұүһі]", text, re.IGNORECASE):
        return " ".join(kazakh_nominative(tokens))
    return " ".join(nominative(tokens, cue_word))


def find_people(doc: Doc) -> list[Person]:
    text, lang = doc.text, doc._.lang or doc.lang_
    blocked = blocked_spans(doc)
    cues = roles.find_cues_with_outlets(text, [(h.start, h.end) for h in doc._.outlets or []])
    ner = [strip_lead(text, s, e, cues, blocked) for s, e in ner_candidates(doc)]
    ner = [(s, e) for s, e in ner if e > s and not overlaps(s, e, blocked)]
    by_cue = [
        (s, e)
        for s, e in cue_candidates(text, cues, blocked)
        if not any(
            s <= ns and ne <= e and (ns, ne) != (s, e) and " " in text[ns:ne] for ns, ne in ner
        )
    ]
    if lang == "en":  # "Journalists Face Death …": capitalised words after a cue in a headline
        by_cue = [(s, e) for s, e in by_cue if not headline_line(text, s, e)]
    found = merge(ner + by_cue)
    spans = [
        (s, e)
        for s, e in merge(found + list_continued(text, found, blocked))
        if not overlaps(s, e, blocked)
        and strip_kazakh_case(text[s:e]) not in COMMON_WORDS
        and text[s:e].split()[0] not in roles.name_words()["not_first"]
        and not LOCATIVE.search(text[s:e])
        and not (lang == "en" and not_a_name(text[s:e]))
    ]
    people: list[Person] = []
    for s, e in spans:
        cue = governing_cue(text, s, e, cues, blocked, people)
        word = cue_word(text, s, cue)
        people.append(
            Person(
                text[s:e],
                normalise(text[s:e], lang, word),
                s,
                e,
                cue.role if cue else None,
                cue.text if cue else None,
            )
        )
    people += pattern_people(text, lang, people, cues, blocked)
    return _complete_surnames(people)


def pattern_people(
    text: str, lang: str, found: list[Person], cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[Person]:
    """English pattern names (:func:`nlp.entities.pattern_names.pattern_names`) outside the people
    already found, with the role cue that governs them; kept only if the role model ties them to
    media (``cue="pattern"``)."""
    if lang != "en":
        return []
    taken = [(p.start, p.end) for p in found] + blocked
    return [
        Person(text[s:e], normalise(text[s:e], lang, None), s, e, role, "pattern")
        for s, e, role in pattern_names(text, taken, cues, blocked)
    ]


def _complete_surnames(people: list[Person]) -> list[Person]:
    """A surname alone ("журналист Нургалиев") takes the full name used elsewhere in the text."""
    full = {p.norm.split()[-1].casefold(): p.norm for p in people if len(p.norm.split()) > 1}
    return [
        Person(p.text, full.get(p.norm.casefold(), p.norm), p.start, p.end, p.role, p.cue)
        if len(p.norm.split()) == 1
        else p
        for p in people
    ]


@Language.factory("presswatch_people_v1")
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent()


class PeopleComponent:
    """Sets ``doc._.people`` (list of :class:`Person`); runs after outlets and bodies."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.people = find_people(doc)
        return doc
