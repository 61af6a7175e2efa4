"""People with media roles: candidates from NER (natasha spans for Cyrillic, spaCy PERSON for
English) and from role cues followed by capitalised words; each tied to its role cue and brought
to a nominative, match-ready name (Russian morphology, Kazakh case endings, English possessives)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from nlp.entities import roles
from nlp.entities.morph import nominative
from nlp.entities.names import kazakh_nominative, strip_kazakh_case
from nlp.entities.outlets import OUTLET_CUE

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі'’"
WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}{LOWER}][{LOWER}]+)?"
CAPS = rf"[{UPPER}]{{4,}}(?![{LOWER}])"  # a surname in capitals ("Айымтора АБДИНА")
NAME = re.compile(rf"{WORD}(?:[^\S\n]+(?:{WORD}|{CAPS})){{1,2}}")
FILLER = re.compile(
    rf"\s*(?:(?:из|с|со|от|в|во|from|of|in)\s+{WORD}|[«\"][^»\"]{{1,60}}[»\"]|[{LOWER}-]+|[A-Z][\w.&-]*|[\w.-]+\.(?:kz|media|news|org|com|ru|info|net))\s*"
)
LINK = re.compile(r"^\s*(?:,|и|and|және|мен|а также|as well as)\s*$", re.IGNORECASE)
# a straight quote opens before a non-space and closes after one: '…," said A B. "…' is no quote
QUOTED = re.compile(r"«[^»]{1,80}»|\"(?=\S)[^\"]{1,80}(?<=\S)\"|“[^”]{1,80}”|<<[^<>]{1,80}>>")
PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|ична|ұлы|қызы|улы|кызы)\w*$", re.IGNORECASE)
APPOSITION = re.compile(rf"(?P<name>{WORD}(?:\s+{WORD}){{1,2}})\s*,\s*(?:[\w-]+\s+){{0,2}}$")


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


def blocked_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = [(h.start, h.end) for h in (doc._.outlets or []) + (doc._.bodies or [])]
    return spans + [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


COMMON_WORDS = {"Заң", "Закон", "Кодекс", "Сот", "Суд", "Конституция", "Министрлік", "Прокуратура"}
LIST_NEXT = re.compile(
    rf"\s*(?:,|\bи\b|\bмен\b|\bпен\b|\bбен\b|\bжәне\b|\band\b)\s*(?P<name>{WORD}\s+(?:{WORD}|{CAPS}))"
)


def _list_continued(
    text: str, found: list[tuple[int, int]], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Names that continue a list of names NER started ("А Б мен В Г және Д Е")."""
    out: list[tuple[int, int]] = []
    for _, end in found:
        while (m := LIST_NEXT.match(text, end)) and len(out) < 200:
            s, e = _trim(text, m.start("name"), m.end("name"))
            if e <= s or _overlaps(s, e, blocked + found + out):
                break
            out.append((s, e))
            end = e
    return out


LOCATIVE = re.compile(r"(?:дағы|дегі|тағы|тегі)$", re.IGNORECASE)  # "Шымкенттегі" = "in Shymkent"


def ner_candidates(doc: Doc) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, t, _ in (doc._.natasha_spans or []) if t == "PER"]
    spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    return [_trim(doc.text, s, e) for a, b in spans for s, e in _two_names(doc.text, a, b)]


def _two_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two people NER joined ("Аида Балаева Ботагөз Омарованың"): four capitalised words, no
    patronymic among them, are two names."""
    words = list(re.finditer(WORD, text[start:end]))
    if len(words) < 4 or any(PATRONYMIC.search(w.group(0)) for w in words):
        return [(start, end)]
    return [(start, start + words[1].end()), (start + words[2].start(), end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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
            if m and not _overlaps(m.start(), m.end(), blocked) and not _latin_in_cyrillic(text, m):
                out.append(_trim(text, m.start(), m.end()))
                break
            if text[skip : skip + 1] == "," and pos == cue.end:
                pos = skip + 1
                continue
            f = FILLER.match(text, pos)
            if not f or f.end() == pos or re.search(r"[,.;:!?]", text[pos : f.end()]):
                break
            pos = f.end()
    return out + apposition_candidates(text, cues, blocked) + paren_candidates(text, cues, blocked)


NAME_BEFORE_PAREN = re.compile(rf"(?<!\S)(?P<name>{WORD}[^\S\n]+(?:{WORD}|{CAPS}))[^\S\n]*$")


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
            and not _overlaps(m.start("name"), m.end("name"), blocked)
            and m.group("name").split()[0] not in roles.name_words()["not_first"]
            and roles.role_in_parenthesis(text, m.end("name"), cues)
        ):
            out.append(_trim(text, m.start("name"), m.end("name")))
    return out


def apposition_candidates(
    text: str, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Names followed by ", <role>": "Gulim Akhmedova, chief editor of …", "Вера Колосова, редактор …"."""
    out = []
    for cue in cues:
        window_start = max(0, cue.start - 80)
        m = APPOSITION.search(text, window_start, cue.start)
        if not cue.role or not m or _overlaps(m.start("name"), m.end("name"), blocked):
            continue
        if (
            roles.role_after(text, m.end("name"), cues) == cue
            and m.group("name").split()[0] not in roles.name_words()["not_first"]
        ):
            out.append(_trim(text, m.start("name"), m.end("name")))
    return out


def _strip_lead(
    text: str, s: int, e: int, cues: list[roles.Cue], blocked: list[tuple[int, int]]
) -> tuple[int, int]:
    """Drop role words and outlet names an NER span starts with ("Корреспондента Азаттыка Б. А.")."""
    starts = {c.start: c.end for c in cues} | {bs: be for bs, be in blocked}
    while s < e:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if s not in starts:
            break
        s = starts[s]
    return _trim(text, s, e)


def _latin_in_cyrillic(text: str, m: re.Match) -> bool:
    return m.group(0).isascii() and bool(
        re.search("[а-яё]", text[max(0, m.start() - 200) : m.end() + 200])
    )


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -(x[1] - x[0]))):
        if e > s and all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return kept


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
    ner = [_strip_lead(text, s, e, cues, blocked) for s, e in ner_candidates(doc)]
    ner = [(s, e) for s, e in ner if e > s and not _overlaps(s, e, blocked)]
    by_cue = [
        (s, e)
        for s, e in cue_candidates(text, cues, blocked)
        if not any(
            s <= ns and ne <= e and (ns, ne) != (s, e) and " " in text[ns:ne] for ns, ne in ner
        )
    ]
    if lang == "en":  # "Journalists Face Death …": capitalised words after a cue in a headline
        by_cue = [(s, e) for s, e in by_cue if not headline_line(text, s, e)]
    found = _merge(ner + by_cue)
    spans = [
        (s, e)
        for s, e in _merge(found + _list_continued(text, found, blocked))
        if not _overlaps(s, e, blocked)
        and strip_kazakh_case(text[s:e]) not in COMMON_WORDS
        and text[s:e].split()[0] not in roles.name_words()["not_first"]
        and not LOCATIVE.search(text[s:e])
        and not (lang == "en" and _not_a_name(text[s:e]))
    ]
    people: list[Person] = []
    for s, e in spans:
        cue = _governing_cue(text, s, e, cues, blocked, people)
        word = _cue_word(text, s, cue)
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
    """English names the small NER model misses ("Arman Bekov, imprisoned editor of …"): the
    last two or three name-shaped words of a run of capitalised words ("General Director of
    Steppe TV Channel Aru Saparova"), with the role cue that governs them; kept only if the
    role model ties them to media (``cue="pattern"``)."""
    if lang != "en":
        return []
    taken = [(p.start, p.end) for p in found] + blocked
    out = []
    for s, e in _pattern_spans(text):
        if _overlaps(s, e, taken):
            continue
        before, after = _cue_before(text, s, e, cues, blocked), roles.role_after(text, e, cues)
        paren = roles.role_in_parenthesis(text, e, cues)
        role = next((c.role for c in (before, after, paren) if c and c.role), None)
        out.append(Person(text[s:e], normalise(text[s:e], lang, None), s, e, role, "pattern"))
    return out


RUN = re.compile(r"(?<![\w.])[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|kyzy|uulu|uly|qyzy))*")
NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:['’]s)?|kyzy|uulu|uly|qyzy")


def _pattern_spans(text: str) -> list[tuple[int, int]]:
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


def _not_a_name(span: str) -> bool:
    """English capitalised words that are no person's: months, places, institutions, and
    function words (a title-case headline: "Journalists Under Pressure")."""
    return bool(roles.not_name_pattern().search(span))


def _name_word(word: str) -> bool:
    return bool(NAME_WORD.fullmatch(word)) and not (
        word in roles.name_words()["not_first"] or _not_a_name(word)
    )


def _cue_before(text, s, e, cues, blocked) -> roles.Cue | None:
    """:func:`nlp.entities.roles.role_before`, but on a headline only a cue right before the name (or its
    outlet) counts ("Blogger Critical Of Government Gets Lengthy Prison Term", "Journalists in
    Gaza Face Death": a headline's words, no name)."""
    cue = roles.role_before(text, s, cues, blocked)
    if cue and headline_line(text, s, e):
        return None if roles.unblocked(text, cue.end, s, blocked).strip() else cue
    return cue


def _governing_cue(text, s, e, cues, blocked, people) -> roles.Cue | None:
    cue = _cue_before(text, s, e, cues, blocked)
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


LINKED_BY_OUTLET = re.compile(rf"^\s*(?:,|и|and|және|мен|а также)\s+(?:[{LOWER}-]+\s+){{0,2}}$")


def headline_line(text: str, start: int, end: int) -> bool:
    """The span sits on a headline: a short line with no full stop, its words mostly capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if len(line) > 200 or line[-1:] in (".", "!", "?", "»", '"'):
        return False
    words = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _cue_word(text: str, start: int, cue: roles.Cue | None) -> str | None:
    if cue and cue.text:
        return cue.text.split()[-1]
    words = re.findall(r"[\w-]+", text[max(0, start - 30) : start])
    return words[-1] if words and words[-1].islower() else None


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
