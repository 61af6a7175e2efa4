"""Incident detection: per article, signals (category + evidence + facets).

``detect(facts)`` runs :mod:`nlp.detect.rules` over one article (rule hits: features and evidence),
lets the trained classifier decide when one is loaded, and builds one signal per category in the
shared facet formats of docs/DATA.md. ``detect_pending(db)`` is the nightly "detect" stage: it reads
tagged articles and their stored spans, writes signals (idempotent per article and category) and
marks articles detected; an article whose detection raises is recorded (failures, stage "detect")
and marked so it is not retried. ``categories_hook`` fills ``Analysis.categories`` for
``presswatch tag``.
"""

from __future__ import annotations

from collections import Counter

import sqlite_utils

from nlp.detect import facets
from nlp.detect.classifier import Detector
from nlp.detect.cues import CueBook, cue_book
from nlp.detect.facts import Facts, from_analysis, from_rows
from nlp.detect.rules import Hit, find
from nlp.text.sentences import Sentence


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
        "cyber_kind": facets.cyber_kind(
            " ".join(facts.text[a:b] for a, b in windows) or facts.text, hit.category, book
        ),
        "evidence": _evidence(facts, sents, hit),
        "cues": list(hit.cues),
    }


def detect(
    facts: Facts, book: CueBook | None = None, detector: Detector | None = None
) -> list[dict]:
    """The article's signals, one per category (empty for a non-incident). With a detector the
    trained heads decide and the rules give evidence; without one the rules decide."""
    book = book or cue_book()
    sents, hits = find(facts, book)
    if detector is None:
        return [signal(facts, sents, hit, book) for hit in hits.values()]
    verdict = detector.assess(facts, book, list(hits))
    chosen = {c: hits.get(c) or _model_hit(c, sents, verdict) for c in verdict.categories}
    out = [signal(facts, sents, hit, book) for hit in chosen.values()]
    for s in out:
        s["confidence"] = round(min(verdict.probability, max(verdict.probs[s["category"]], 0.5)), 2)
    return out


def _model_hit(code: str, sents: list[Sentence], verdict) -> Hit:
    """A category the heads found without a rule hit: its evidence is the first gate passage."""
    where = verdict.evidence[:1]
    idx = [i for i, s in enumerate(sents) for p in where if s.start < p.end and s.end > p.start]
    return Hit(code, idx[:3] or [0] if sents else [], [f"model:{verdict.probs[code]:.2f}"])


def default_classifier() -> Detector | None:
    """The committed trained detector (``None`` when ``PRESSWATCH_DETECTOR=rules``)."""
    from nlp.detect.classifier import default

    return default()


def categories_hook(analysis) -> list[str]:
    """``CATEGORY_HOOKS`` entry: the categories of a fresh analysis (``presswatch tag``)."""
    text = getattr(analysis, "text", "") or ""
    return [
        s["category"] for s in detect(from_analysis(analysis, text), detector=default_classifier())
    ]


DETECT_BATCH = 64  # articles read, detected and saved together outside the nightly


def detect_pending(
    db: sqlite_utils.Database, limit: int | None = None, run_id: int | None = None
) -> dict:
    """Detect every tagged, not yet detected article; returns counts
    ``{"articles", "signals", "errors", "categories": {code: n}}``."""
    from storage.articles import pending

    return detect_stored(db, pending(db, "detect", limit), run_id)


def detect_articles(db: sqlite_utils.Database, ids: list[int], run_id: int | None = None) -> dict:
    """Detect these articles; same counts as :func:`detect_pending`."""
    from storage.articles import by_ids

    return detect_stored(db, by_ids(db, ids), run_id)


def detect_stored(
    db: sqlite_utils.Database, articles: list[dict], run_id: int | None = None
) -> dict:
    """Detect stored, tagged articles a batch at a time and save each batch's signals."""
    counts: dict = {"articles": 0, "signals": 0, "errors": 0, "categories": {}}
    for i in range(0, len(articles), DETECT_BATCH):
        inputs = detect_inputs(db, articles[i : i + DETECT_BATCH])
        counts = merge_counts(counts, detect_save(db, detect_compute(inputs), run_id))
    return counts


def detect_inputs(db: sqlite_utils.Database, articles: list[dict]) -> list[dict]:
    """What detection reads, as plain data: ``{"article": row, "rows": stored tagging rows}``
    per article, so :func:`detect_compute` runs where the archive is not (a Dask worker)."""
    from storage.analysis import article_analysis

    return [{"article": a, "rows": article_analysis(db, a["id"])} for a in articles]


def detect_compute(inputs: list[dict]) -> list[dict]:
    """Signals of each :func:`detect_inputs` item, without the archive: ``{"id", "signals"}``, or
    ``{"id", "error": "Type: message"}`` for an article whose detection raised."""
    book, model = cue_book(), default_classifier()  # both cached per process
    return [_detect_one(item, book, model) for item in inputs]


def _detect_one(item: dict, book: CueBook, model) -> dict:  # model: default_classifier()'s
    from storage.runs import error_reason

    article = item["article"]
    try:
        found = detect(from_rows(article, item["rows"]), book, model)
    except Exception as exc:  # noqa: BLE001 — one broken article never stops the stage
        return {"id": article["id"], "error": error_reason(exc)}
    return {"id": article["id"], "signals": found}


def detect_save(db: sqlite_utils.Database, results: list[dict], run_id: int | None = None) -> dict:
    """Store :func:`detect_compute` results (keyed per article and category); a failed article
    gets a ``failures`` row (stage "detect") and is marked so it is not retried."""
    from storage.signals import save_signals

    per: Counter[str] = Counter()
    counts: dict = {"articles": 0, "signals": 0, "errors": 0}
    for result in results:
        if "error" in result:
            _detect_failed(db, result, run_id)
            counts["errors"] += 1
            continue
        save_signals(db, result["id"], result["signals"])
        counts["articles"] += 1
        counts["signals"] += len(result["signals"])
        per.update(s["category"] for s in result["signals"])
    return {**counts, "categories": dict(sorted(per.items()))}


def _detect_failed(db: sqlite_utils.Database, result: dict, run_id: int | None) -> None:
    from storage.articles import get_article
    from storage.runs import record_article_error
    from storage.signals import mark_detect_error

    article = get_article(db, result["id"]) or {}
    record_article_error(db, article, "detect", result["error"], run_id)
    mark_detect_error(db, result["id"])


def merge_counts(total: dict, part: dict) -> dict:
    """Two detection counts added up (``categories`` per code)."""
    categories = Counter(total.get("categories", {})) + Counter(part.get("categories", {}))
    added = {k: total.get(k, 0) + v for k, v in part.items() if k != "categories"}
    return {**total, **added, "categories": dict(sorted(categories.items()))}
