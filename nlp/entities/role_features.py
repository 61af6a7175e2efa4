"""What a text says around a person: the evidence that ties a media role to them, as numbers.

A *candidate* is one person of a text (all mentions whose surnames meet); its features describe
every mention: a media role word right before or after it, in its sentence or paragraph, an
outlet beside it, a parenthesis naming a role or an outlet, a list it shares with a known
journalist, a non-media role (lawyer, official) beside it, byline and photo-credit lines.
:mod:`nlp.entities.role_candidates` groups the mentions into candidates, :mod:`nlp.entities.role_model`
weighs the features; the weights are learned from the labelled corpus.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from nlp.entities import roles
from nlp.entities.gazetteer import Hit
from nlp.entities.governing_cues import headline_line
from nlp.entities.names import key
from nlp.entities.people import Person
from nlp.entities.role_candidates import Candidate
from nlp.text import sentences

LIST_GAP = re.compile(
    r"\s*(?:(?:kyzy|uulu|uly|qyzy|кызы|уулу)\s*)?(?:,|;|\bи\b|\band\b|\bжәне\b|\bмен\b|\bпен\b|\bбен\b|,?\s*а также)\s*$"
)
PAREN = re.compile(r"\s*[(,—–-]\s*(?P<body>[^()\n]{0,120})\)?")
CREDIT = re.compile(
    r"^\s*(?:фото|photo|сурет|автор|author|by|текст|text|видео|video)\b", re.IGNORECASE
)
SPEECH = re.compile(
    r"^\W{0,3}(?:said|says|told|added|сказал\w*|заявил\w*|рассказал\w*|сообщил\w*|отметил\w*|"
    r"пояснил\w*|деді|айтты|мәлімдеді|хабарлады)",
    re.IGNORECASE,
)
COLLEAGUE = re.compile(r"(?:коллег\w*|әріптес\w*|colleagues?)\W{0,3}$", re.IGNORECASE)
PLURAL = re.compile(
    r"журналист(?:ы|ов|ам|ами|ах|тер\w*)|тілшілер\w*|корреспондент(?:ы|ов|ам)|journalists|reporters|"
    r"блогер(?:ы|ов|лер\w*)|bloggers|съемочн\w+ групп\w*|съёмочн\w+ групп\w*|crew",
    re.IGNORECASE,
)
MANAGER = re.compile(
    r"\b(?:director|owner|head|founder|co-founder|chairman|chairwoman|publisher|директор\w*|владел\w*|"
    r"руководител\w*|основател\w*|учредител\w*|глав\w+ редакци\w*|басшы\w*|құрылтайшы\w*|иесі\w*)\b",
    re.IGNORECASE,
)
NAMES = (
    "rule_role",
    "manager_near_outlet",
    "headline_line",
    "is_outlet_name",
    "media_before_adjacent",
    "media_before_near",
    "media_before_far",
    "media_after_adjacent",
    "media_after_near",
    "other_before_adjacent",
    "other_before_near",
    "other_after_adjacent",
    "media_same_sentence",
    "media_same_paragraph",
    "outlet_near",
    "paren_role",
    "list_with_journalist",
    "media_before_list",
    "other_before_list",
    "list_of_three",
    "plural_before_list",
    "plural_after_list",
    "colleague_before",
    "speech_after",
    "mentions",
    "first_in_text",
    "last_in_text",
    "credit_line",
    "pattern_only",
    "three_words",
    "one_word",
    "media_density",
    "lang_en",
    "lang_kk",
    "lang_ru",
)


@dataclass(frozen=True)
class Context:
    text: str
    lang: str
    cues: list[roles.Cue]
    outlets: list[Hit]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]


def context(text: str, lang: str, outlets: list[Hit]) -> Context:
    sents = [(s.start, s.end) for s in sentences.split(text)]
    paras, pos = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        paras.append((pos, pos + len(block)))
        pos += len(block)
    cues = roles.find_cues_with_outlets(text, [(h.start, h.end) for h in outlets])
    return Context(text, lang, cues, outlets, sents, paras)


def _within(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next(((s, e) for s, e in spans if s <= pos < e), (pos, pos))


def _gap_before(ctx: Context, p: Person, media: bool) -> int:
    ends = [p.start - c.end for c in ctx.cues if c.end <= p.start and bool(c.role) == media]
    return min(ends, default=10_000)


def _gap_after(ctx: Context, p: Person, media: bool) -> int:
    starts = [c.start - p.end for c in ctx.cues if c.start >= p.end and bool(c.role) == media]
    return min(starts, default=10_000)


def _in_span_with_media(ctx: Context, spans: list[tuple[int, int]], p: Person) -> bool:
    s, e = _within(spans, p.start)
    return any(c.role and s <= c.start < e for c in ctx.cues)


def _paren_role(ctx: Context, p: Person) -> bool:
    m = PAREN.match(ctx.text, p.end)
    if not m or not m.group("body"):
        return False
    s, e = m.start("body"), m.end("body")
    return any(c.role and s <= c.start < e for c in ctx.cues) or any(
        s <= h.start < e for h in ctx.outlets
    )


def _adjacent(ctx: Context, a: Person, b: Person) -> bool:
    first, second = sorted((a, b), key=lambda x: x.start)
    gap = ctx.text[first.end : second.start]
    return bool(LIST_GAP.fullmatch(re.sub(r"\([^()]{0,80}\)", "", gap) or ","))


def chains(ctx: Context, people: list[Person]) -> dict[int, list[Person]]:
    """Every mention's list: neighbours joined by commas and "and" only (one pass)."""
    out: dict[int, list[Person]] = {}
    current: list[Person] = []
    for p in sorted(people, key=lambda o: o.start):
        if current and not _adjacent(ctx, current[-1], p):
            current = []
        current.append(p)
        out[id(p)] = current
    return out


def list_of(ctx: Context, p: Person, people: list[Person]) -> list[Person]:
    """The names that share a list with ``p``."""
    return chains(ctx, people)[id(p)]


OUTLET_POSSESSIVE = re.compile(
    r"(?:outlet|newspaper|website|channel|site|agency|paper)['’]s\s+(?:\w+\s+)?$|"
    r"(?:издания|газеты|телеканала|агентства|портала|сайта|редакции)\s*$",
    re.IGNORECASE,
)


def _manager_of_outlet(ctx: Context, p: Person) -> bool:
    """A manager's title tied to an outlet: "Kaktus founder А", "А, the head of ElMedia",
    "the outlet's general director А", "директор издания А"."""
    lo, hi = max(0, p.start - 60), min(len(ctx.text), p.end + 60)
    for m in MANAGER.finditer(ctx.text, lo, hi):
        if OUTLET_POSSESSIVE.search(ctx.text, max(0, m.start() - 30), m.start()) or any(
            0 <= m.start() - h.end <= 3 or 0 <= h.start - m.end() <= 12 for h in ctx.outlets
        ):
            return True
        after = ctx.text[m.end() : m.end() + 30]
        if OUTLET_POSSESSIVE.match(after.strip() + " "):
            return True
    return False


def _headline(ctx: Context, p: Person) -> bool:
    return headline_line(ctx.text, p.start, p.end)


def mention_features(ctx: Context, p: Person, chain: list[Person]) -> dict[str, float]:
    before, after = _gap_before(ctx, p, True), _gap_after(ctx, p, True)
    listed = len(chain) - 1
    line_start = ctx.text.rfind("\n", 0, p.start) + 1
    head = chain[0].start
    return {
        "rule_role": float(bool(p.role)),
        "manager_near_outlet": float(_manager_of_outlet(ctx, p)),
        "headline_line": float(_headline(ctx, p)),
        "is_outlet_name": float(
            any(h.start <= p.start < h.end or p.start <= h.start < p.end for h in ctx.outlets)
            or any(key(h.text) == key(p.text) for h in ctx.outlets)
        ),
        "media_before_adjacent": float(before <= 3),
        "media_before_near": float(before <= 40),
        "media_before_far": float(before <= 160),
        "media_after_adjacent": float(after <= 4),
        "media_after_near": float(after <= 40),
        "other_before_adjacent": float(_gap_before(ctx, p, False) <= 3),
        "other_before_near": float(_gap_before(ctx, p, False) <= 25),
        "other_after_adjacent": float(_gap_after(ctx, p, False) <= 12),
        "media_same_sentence": float(_in_span_with_media(ctx, ctx.sentences, p)),
        "media_same_paragraph": float(_in_span_with_media(ctx, ctx.paragraphs, p)),
        "outlet_near": float(
            any(abs(h.start - p.end) <= 60 or abs(p.start - h.end) <= 60 for h in ctx.outlets)
        ),
        "paren_role": float(_paren_role(ctx, p)),
        "list_of_three": float(listed >= 2),
        "media_before_list": float(listed >= 1 and _gap_before(ctx, chain[0], True) <= 5),
        "other_before_list": float(
            listed >= 1
            and _gap_before(ctx, chain[0], False) < min(80, _gap_before(ctx, chain[0], True))
        ),
        "plural_before_list": float(
            listed >= 1 and bool(PLURAL.search(ctx.text, max(0, head - 250), head))
        ),
        "plural_after_list": float(
            listed >= 2 and bool(PLURAL.search(ctx.text, chain[-1].end, chain[-1].end + 250))
        ),
        "colleague_before": float(bool(COLLEAGUE.search(ctx.text, max(0, p.start - 40), p.start))),
        "speech_after": float(bool(SPEECH.match(ctx.text, p.end))),
        "first_in_text": float(p.start < 150 and "\n" in ctx.text[p.end : p.end + 150]),
        "last_in_text": float(len(ctx.text) - p.end < 150),
        "credit_line": float(bool(CREDIT.match(ctx.text, line_start))),
        "pattern_only": float(p.cue == "pattern"),
    }


def features(
    ctx: Context, cand: Candidate, lists: dict[int, list[Person]], journalists: set[int]
) -> list[float]:
    """The candidate's feature vector (in :data:`NAMES` order); ``lists`` from :func:`chains`,
    ``journalists`` the ids of mentions the rules gave a media role (for the list feature)."""
    per = [mention_features(ctx, p, lists[id(p)]) for p in cand.mentions]
    row = {k: max(f[k] for f in per) for k in per[0]}
    row["credit_line"] = min(f["credit_line"] for f in per)
    row["pattern_only"] = min(f["pattern_only"] for f in per)
    row["first_in_text"] = min(f["first_in_text"] for f in per)
    row["list_with_journalist"] = float(
        any(id(o) in journalists and o is not p for p in cand.mentions for o in lists[id(p)])
    )
    row["mentions"] = math.log1p(len(cand.mentions))
    words = len(cand.name.split())
    row["three_words"], row["one_word"] = float(words >= 3), float(words == 1)
    row["media_density"] = math.log1p(sum(1 for c in ctx.cues if c.role))
    for lang in ("en", "kk", "ru"):
        row[f"lang_{lang}"] = float(ctx.lang == lang)
    return [row[n] for n in NAMES]
