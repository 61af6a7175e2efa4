"""Incident detection: per article, signals (category + evidence + facets) from rules as data.

``detect(facts)`` runs :mod:`nlp.rules` over one article and builds one signal per category in the
shared facet formats of docs/DATA.md. ``detect_pending(db)`` is the nightly "detect" stage: it reads
tagged articles and their stored spans, writes signals (idempotent per article and category) and
marks articles detected; an article whose detection raises is recorded (failures, stage "detect")
and marked so it is not retried. ``categories_hook`` fills ``Analysis.categories`` for
``presswatch tag``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import sqlite_utils

from nlp import facets
from nlp.cues import CueBook, cue_book
from nlp.facts import Facts, from_analysis, from_rows
from nlp.rules import Hit, find
from nlp.sentences import Sentence

Classifier = Callable[[str], dict[str, float]]


def _confidence(hit: Hit, named: bool) -> float:
    score = 0.55 + 0.1 * min(2, len(hit.sentences) - 1) + 0.05 * min(2, len(hit.cues) - 1)
    score += 0.15 if hit.legal else 0.0
    score += 0.05 if named else 0.0
    score += 0.15 if hit.in_title else 0.0
    return round(min(score, 0.97), 2)


def _evidence(facts: Facts, sents: list[Sentence], hit: Hit) -> list[dict]:
    return [
        {
            "article_id": facts.id,
            "sentence": sents[i].text,
            "start": sents[i].start,
            "end": sents[i].end,
        }
        for i in sorted(hit.sentences)
    ]


def _legal(facts: Facts, hit: Hit) -> list[dict]:
    refs = hit.legal or [s.extra for s in facts.of("legal")]
    keys = dict.fromkeys((r["code"], r["article"], r.get("part")) for r in refs)
    return [{"code": c, "article": a, "part": p} for c, a, p in keys]


def signal(facts: Facts, sents: list[Sentence], hit: Hit, book: CueBook) -> dict:
    """One signal row (docs/DATA.md facet formats) for a category hit."""
    spans = [(sents[i].start, sents[i].end) for i in sorted(hit.sentences)]
    windows = [
        (sents[max(0, i - 1)].start, sents[min(len(sents) - 1, i + 1)].end)
        for i in sorted(hit.sentences)
    ]
    victims = facets.victims(facts, windows, spans)
    return {
        "article_id": facts.id,
        "category": hit.category,
        "confidence": _confidence(hit, any(v["kind"] == "person" for v in victims)),
        "victims": victims,
        "outlets": [v["name"] for v in victims if v["kind"] == "outlet"],
        "perpetrator": facets.perpetrator(facts, book, windows),
        "legal_refs": _legal(facts, hit),
        "amounts": [dict(s.extra) for s in facts.of("amount")],
        "place": facets.place(facts.text, book),
        "event_date": facets.event_date(facts, spans),
        "case_status": facets.case_status(facts.text, book),
        "evidence": _evidence(facts, sents, hit),
        "cues": list(hit.cues),
    }


def detect(
    facts: Facts, book: CueBook | None = None, classifier: Classifier | None = None
) -> list[dict]:
    """The article's signals, one per suspected category (empty for a non-incident)."""
    book = book or cue_book()
    sents, hits = find(facts, book)
    if classifier is not None:
        from nlp.textcat import combine

        hits = combine(hits, classifier(facts.text))
    return [signal(facts, sents, hit, book) for hit in hits.values()]


def default_classifier() -> Classifier | None:
    """The trained text classifier when ``presswatch train`` found it helps, else ``None``."""
    from nlp.textcat import classifier

    return classifier()


def categories_hook(analysis) -> list[str]:
    """``CATEGORY_HOOKS`` entry: the categories of a fresh analysis (``presswatch tag``)."""
    text = getattr(analysis, "text", "") or ""
    return [
        s["category"]
        for s in detect(from_analysis(analysis, text), classifier=default_classifier())
    ]


def detect_pending(
    db: sqlite_utils.Database, limit: int | None = None, run_id: int | None = None
) -> dict:
    """Detect every tagged, not yet detected article; returns counts
    ``{"articles", "signals", "errors", "categories": {code: n}}``."""
    from storage.articles import pending

    return detect_stored(db, pending(db, "detect", limit), run_id)


def detect_articles(db: sqlite_utils.Database, ids: list[int], run_id: int | None = None) -> dict:
    """Detect these articles (a chunk of the nightly's fan-out); same counts as detect_pending."""
    from storage.articles import by_ids

    return detect_stored(db, by_ids(db, ids), run_id)


def detect_stored(
    db: sqlite_utils.Database, articles: list[dict], run_id: int | None = None
) -> dict:
    """Detect stored, tagged articles and save their signals; one broken article is recorded."""
    from storage.analysis import article_analysis
    from storage.runs import record_article_failure
    from storage.signals import mark_detect_error, save_signals

    per: Counter[str] = Counter()
    book, model = cue_book(), default_classifier()
    counts: dict = {"articles": 0, "signals": 0, "errors": 0}
    for article in articles:
        try:
            found = detect(from_rows(article, article_analysis(db, article["id"])), book, model)
        except Exception as exc:  # noqa: BLE001 — one broken article never stops the stage
            record_article_failure(db, article, "detect", exc, run_id)
            mark_detect_error(db, article["id"])
            counts["errors"] += 1
            continue
        save_signals(db, article["id"], found)
        counts["articles"] += 1
        counts["signals"] += len(found)
        per.update(s["category"] for s in found)
    counts["categories"] = dict(sorted(per.items()))
    return counts
