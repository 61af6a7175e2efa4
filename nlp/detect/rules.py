"""The rule engine: which categories an article's sentences support, and why.

For each sentence that no guard vetoes, every category cue that matches (and is not excluded) is a
hit when its media condition holds (a journalist/outlet mention or a media word in the sentence, the
window of neighbouring sentences or the article) and its ``requires`` pattern is in the window. A
legal reference mapped to a category is a hit in a sentence that also speaks of proceedings (a fine,
a charge, a lawsuit); rights.* and access.* categories still need their media victim.
Finally :func:`rank` keeps only the categories close to the article's main one (title and lead
weigh more; closing paragraphs and background phrasing such as "ранее"/"earlier" less).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from nlp.detect.cues import CategoryRule, CueBook, cue_book
from nlp.detect.facts import Facts
from nlp.detect.script_view import cyrillic_view, to_raw
from nlp.text.sentences import _YEAR, Sentence, guard, split

WITNESS = ("свидетел", "witness", "куә")
SPEECH_BLOCKS = ("legal.",)


@dataclass
class Hit:
    category: str
    sentences: list[int] = field(default_factory=list)  # indices into the article's sentences
    cues: list[str] = field(default_factory=list)
    legal: list[dict] = field(default_factory=list)
    in_title: bool = False  # a cue of this category is in the headline too


def _window(sents: list[Sentence], i: int) -> tuple[int, int]:
    return sents[max(0, i - 1)].start, sents[min(len(sents) - 1, i + 1)].end


def has_media(facts: Facts, book: CueBook, start: int, end: int) -> bool:
    if any(s.role for s in facts.within(start, end, "person")) or facts.within(
        start, end, "outlet"
    ):
        return True
    return bool(book.media.search(facts.low[start:end]))


def _media_ok(rule: CategoryRule, facts: Facts, book: CueBook, sents, i: int) -> bool:
    scope = {
        "none": None,
        "sentence": (sents[i].start, sents[i].end),
        "window": _window(sents, i),
        "article": (0, len(facts.text)),
    }[rule.media]
    return scope is None or has_media(facts, book, *scope)


def _cue_hits(facts: Facts, book: CueBook, sents: list[Sentence], i: int) -> list[tuple[str, str]]:
    s = sents[i]
    text, found = facts.low[s.start : s.end], []
    w0, w1 = _window(sents, i)
    for code, rule in book.rules.items():
        if rule.exclude is not None and rule.exclude.search(text):
            continue
        m = next((m for p in rule.cues if (m := p.search(text))), None)
        cue = None if m is None else facts.text[s.start + m.start() : s.start + m.end()]
        window = facts.low[w0:w1]
        if cue is None or (rule.requires is not None and not rule.requires.search(window)):
            continue
        if rule.exclude_window is not None and rule.exclude_window.search(window):
            continue
        if _media_ok(rule, facts, book, sents, i):
            found.append((code, cue.strip()))
    return found


def _legal_hits(
    facts: Facts, book: CueBook, sents: list[Sentence], i: int
) -> list[tuple[str, dict]]:
    s = sents[i]
    if not book.proceedings.search(facts.low[s.start : s.end]):
        return []
    w0, w1 = _window(sents, i)
    out = []
    for span in facts.within(s.start, s.end, "legal"):
        code = _as_accused(
            book, facts.low[s.start : s.end], span.extra["code"], span.extra["article"]
        )
        if code is None:
            continue
        if code.startswith(SPEECH_BLOCKS):
            if code == "legal.criminal" and any(w in facts.text[w0:w1].lower() for w in WITNESS):
                continue
        elif not has_media(facts, book, w0, w1):
            continue
        out.append((code, {**span.extra, "text": span.text}))
    return out


ACCUSED = {"CC": "legal.criminal", "CAO": "legal.administrative"}


def _as_accused(book: CueBook, low: str, code: str, article: str) -> str | None:
    """The category of a legal reference; a victim-side article (privacy, obstruction…) whose
    sentence makes the media person the accused is that person's prosecution instead."""
    category = book.legal_category(code, article)
    if category is None or category.startswith(SPEECH_BLOCKS) or book.defendant is None:
        return category
    return ACCUSED.get(code, category) if book.defendant.search(low) else category


def find(facts: Facts, book: CueBook | None = None) -> tuple[list[Sentence], dict[str, Hit]]:
    """The article's sentences and its category hits (category → :class:`Hit`), ranked."""
    book = book or cue_book()
    sents, hits = collect(facts, book)
    return sents, rank(facts, sents, hits)


def text_year(text: str) -> int:
    """The year a text without a publication date speaks from: the latest plausible year it
    names (not after this year), else this year; history is judged relative to it."""
    now = dt.date.today().year
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return max((y for y in years if 1990 <= y <= now), default=now)


def collect(facts: Facts, book: CueBook) -> tuple[list[Sentence], dict[str, Hit]]:
    """Every category hit of the article's sentences, before :func:`rank` keeps the main ones;
    a Latin-script Kazakh article is read in its Cyrillic transliteration, its sentences
    returned as spans of the article's own text."""
    view = cyrillic_view(facts)
    if view is None:
        return _collect(facts, book)
    sents, hits = _collect(view[0], book)
    return to_raw(view[1], facts.text, sents), hits


def _collect(facts: Facts, book: CueBook) -> tuple[list[Sentence], dict[str, Hit]]:
    sents = split(facts.text)
    year = facts.year or text_year(facts.text)
    hits: dict[str, Hit] = {}
    for i, sent in enumerate(sents):
        if guard(sent.text, book, year):
            continue
        for code, cue in _cue_hits(facts, book, sents, i):
            hit = hits.setdefault(code, Hit(code))
            hit.sentences.append(i) if i not in hit.sentences else None
            hit.cues.append(cue) if cue not in hit.cues else None
        for code, ref in _legal_hits(facts, book, sents, i):
            hit = hits.setdefault(code, Hit(code))
            hit.sentences.append(i) if i not in hit.sentences else None
            hit.cues.append(ref["text"]) if ref["text"] not in hit.cues else None
            hit.legal.append(ref)
    _title(facts, book, hits)
    return sents, _someone_elses_case(facts, book, hits)


AGAINST_JOURNALIST = {"rights.attack", "rights.threat"}


def _someone_elses_case(facts: Facts, book: CueBook, hits: dict[str, Hit]) -> dict[str, Hit]:
    """Drop a criminal-case cue (no speech article) that is not a case against the press: the
    taxonomy files the perpetrator's case under the violation it punishes. (A seizure in a search
    of a newsroom is an obstruction beside the journalist's own criminal case, which stays.)"""
    crim = hits.get("legal.criminal")
    if crim and not crim.legal and _perpetrator_or_other(facts, book, hits):
        hits.pop("legal.criminal")
    return hits


def _perpetrator_or_other(facts: Facts, book: CueBook, hits: dict[str, Hit]) -> bool:
    """The case is the attacker's (an attack or threat), the obstructor's (the obstruction article
    is cited), or the one tried at a hearing closed to the press, unless a media person is the
    accused there."""
    if AGAINST_JOURNALIST & hits.keys():
        return True
    if "rights.obstruction" in hits and any(
        book.legal_category(s.extra.get("code", ""), s.extra.get("article", ""))
        == "rights.obstruction"
        for s in facts.of("legal")
    ):
        return True
    accused = book.defendant is not None and book.defendant.search(facts.low)
    return "access.court_openness" in hits and not accused


_PARA = re.compile(r"\n\s*\n|\n(?=\S)")
# Background phrasing: an earlier case recalled, not the story being reported.
BACKGROUND = re.compile(
    r"\bранее\b|напомним|напомина|в прошлом году|прошлогодн|годом ранее|ещё в |еще в "
    r"|бұған дейін|бұрын|өткен жылы|еске сал"
    r"|\bearlier\b|previously|last year|in the past|had (earlier|previously)|recall(ed)? that",
)
LEAD, MIDDLE, CLOSING, BACKGROUND_WEIGHT, TITLE_BONUS = 1.0, 0.6, 0.4, 0.3, 1.0
KEEP, KEEP_LEGAL = (
    0.3,
    0.2,
)  # a category stays when its score is at least KEEP x the best category's
# (chosen on the real corpus' folds: KEEP 0.3 folded 0.626 -> 0.629 vs 0.5; KEEP_LEGAL 0.2: 0.757 -> 0.760, 0.1 gave 0.755)


def _paragraphs(text: str, sents: list[Sentence]) -> list[int]:
    """The paragraph index of every sentence."""
    breaks = [m.start() for m in _PARA.finditer(text.rstrip())]
    return [sum(1 for b in breaks if b < s.start) for s in sents]


def _weight(sent: Sentence, para: int, last: int) -> float:
    w = LEAD if para <= 1 else CLOSING if para == last and last >= 3 else MIDDLE
    return w * (BACKGROUND_WEIGHT if BACKGROUND.search(sent.text.lower()) else 1.0)


def score(hit: Hit, weights: list[float]) -> float:
    """How strongly the article is about ``hit``: its best sentence, a little for more, the title."""
    ws = sorted((weights[i] for i in hit.sentences), reverse=True)
    return ws[0] + 0.25 * sum(ws[1:3]) + (TITLE_BONUS if hit.in_title else 0.0)


def rank(facts: Facts, sents: list[Sentence], hits: dict[str, Hit]) -> dict[str, Hit]:
    """Drop categories far weaker than the article's main one (lead/title weigh more, background
    and closing paragraphs less)."""
    if len(hits) < 2:
        return hits
    paras = _paragraphs(facts.text, sents)
    last = paras[-1] if paras else 0
    weights = [_weight(s, p, last) for s, p in zip(sents, paras, strict=True)]
    scores = {code: score(hit, weights) for code, hit in hits.items()}
    best = max(scores.values())
    return {code: hit for code, hit in hits.items() if scores[code] >= _keep(code) * best}


def _keep(code: str) -> float:
    """A legal case is a facet of the event it follows (a detention and its administrative
    case), so it stays at a lower share of the main category than a violation of its own."""
    return KEEP_LEGAL if code.startswith("legal.") else KEEP


def _title(facts: Facts, book: CueBook, hits: dict[str, Hit]) -> None:
    if not facts.title or guard(facts.title, book):
        return
    for code, hit in hits.items():
        rule = book.rules[code]
        hit.in_title = any(p.search(facts.title.lower()) for p in rule.cues) or any(
            r["article"] in facts.title for r in hit.legal
        )
