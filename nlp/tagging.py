"""Tagging the archive: analyse untagged articles and store what was found.

``tag_pending(db)`` is the plain function the nightly flow calls; ``presswatch tag --pending``
runs it too. Articles go through :class:`nlp.pipeline.Analyzer` in batches; when a batch raises,
its articles are retried one by one (offsets of stored rows are into ``articles.text``) and the one that still raises gets ``tag_error`` (and a
``failures`` row, stage "tag") and is not retried.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import cast

import sqlite_utils

from nlp.names import Registry, key
from nlp.pipeline import Analysis, Analyzer
from nlp.settings import Settings
from storage.analysis import mark_tag_error, save_analysis
from storage.articles import pending
from storage.entities import load_entities, upsert_entity
from storage.runs import record_article_failure

BATCH = 64


def registry_from_db(db: sqlite_utils.Database) -> Registry:
    """The registry of known people and outlets stored in the archive."""
    registry = Registry()
    for entity in load_entities(db):
        registry.add(entity["kind"], entity["name"], entity["aliases"])
    return registry


def seed_registry(db: sqlite_utils.Database) -> int:
    """Put the gazetteer's outlets (names, aliases, domains) into the archive's registry; idempotent."""
    from nlp.gazetteer import load_outlets

    outlets = load_outlets()
    for outlet in outlets:
        aliases = [*outlet.get("aliases", []), *outlet.get("domains", [])]
        upsert_entity(
            db,
            "outlet",
            outlet["name"],
            aliases,
            keys=[key(a) for a in [outlet["name"], *aliases]],
            created_by="gazetteer",
        )
    return len(outlets)


def rows(
    analysis: Analysis, entity_ids: dict[tuple[str, str], int] | None = None
) -> dict[str, list[dict]]:
    """The archive rows of one analysis (``mentions``, ``legal_refs``, ``amounts``)."""
    ids = entity_ids or {}
    mentions = [
        {
            "kind": "person",
            "text": p.text,
            "norm": p.norm,
            "role": p.role,
            "start": p.start,
            "end": p.end,
            "entity_id": ids.get(("person", key(p.norm))),
        }
        for p in analysis.people
    ]
    mentions += [
        {
            "kind": "outlet",
            "text": h.text,
            "norm": h.name,
            "start": h.start,
            "end": h.end,
            "entity_id": ids.get(("outlet", key(h.name))),
        }
        for h in analysis.outlets
    ]
    mentions += [
        {
            "kind": h.kind,
            "text": h.text,
            "norm": h.name,
            "role": h.info,
            "start": h.start,
            "end": h.end,
        }
        for h in analysis.bodies
    ]
    mentions += [
        {"kind": "date", "text": d.text, "norm": d.value, "start": d.start, "end": d.end}
        for d in analysis.dates
    ]
    legal = [
        {
            "code": r.code,
            "article": r.article,
            "part": r.part,
            "paragraph": r.paragraph,
            "text": r.text,
            "start": r.start,
            "end": r.end,
        }
        for r in analysis.legal_refs
    ]
    amounts = [
        {**a.as_dict(), "text": a.text, "start": a.start, "end": a.end} for a in analysis.amounts
    ]
    return {"mentions": mentions, "legal_refs": legal, "amounts": amounts}


def _entity_ids(db: sqlite_utils.Database) -> dict[tuple[str, str], int]:
    return {
        (e["kind"], k): e["id"] for e in load_entities(db) for k in [key(e["name"]), *e["keys"]]
    }


def _year(article: dict) -> int | None:
    date = article.get("published_at") or ""
    return int(date[:4]) if date[:4].isdigit() else None


def _analyse_batch(analyzer: Analyzer, batch: list[dict]) -> list[Analysis | Exception]:
    texts = [a.get("text") or a.get("title") or "" for a in batch]  # offsets are into articles.text
    try:
        return cast(
            "list[Analysis | Exception]",
            analyzer.analyse(texts, [a["id"] for a in batch], years=[_year(a) for a in batch]),
        )
    except Exception:  # noqa: BLE001 — isolate the article that breaks the batch
        out: list[Analysis | Exception] = []
        for article, text in zip(batch, texts, strict=True):
            try:
                out += analyzer.analyse([text], [article["id"]], years=[_year(article)])
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def tag_pending(
    db: sqlite_utils.Database,
    limit: int | None = None,
    settings: Settings | None = None,
    analyzer: Analyzer | None = None,
    run_id: int | None = None,
) -> dict[str, int]:
    """Tag every article not yet tagged (at most ``limit``); returns counts
    ``{"tagged", "errors", "mentions", "legal_refs", "amounts"}``."""
    if not load_entities(db, "outlet"):
        seed_registry(db)
    analyzer = analyzer or Analyzer(settings, registry_from_db(db))
    return tag_stored(db, pending(db, "tag", limit), analyzer, run_id)


def tag_articles(
    db: sqlite_utils.Database, ids: list[int], run_id: int | None = None
) -> dict[str, int]:
    """Tag these articles (a chunk of the nightly's fan-out) with this process's cached
    analyzer for the archive's current registry; same counts as :func:`tag_pending`."""
    from storage.articles import by_ids

    if not load_entities(db, "outlet"):
        seed_registry(db)
    entities = tuple((e["kind"], e["name"], tuple(e["aliases"])) for e in load_entities(db))
    with _BUILDING:  # threads missing the cache together must not each load the models
        analyzer = _analyzer_for(entities)
    return tag_stored(db, by_ids(db, ids), analyzer, run_id)


_BUILDING = threading.Lock()


@lru_cache(maxsize=1)
def _analyzer_for(entities: tuple) -> Analyzer:
    """Loading the models takes seconds: one analyzer per process and registry state."""
    registry = Registry()
    for kind, name, aliases in entities:
        registry.add(kind, name, list(aliases))
    return Analyzer(None, registry)


def tag_stored(
    db: sqlite_utils.Database, todo: list[dict], analyzer: Analyzer, run_id: int | None = None
) -> dict[str, int]:
    """Analyse stored articles in batches and save what was found; a broken one is recorded."""
    counts = {"tagged": 0, "errors": 0, "mentions": 0, "legal_refs": 0, "amounts": 0}
    ids = _entity_ids(db)
    for i in range(0, len(todo), BATCH):
        batch = todo[i : i + BATCH]
        for article, result in zip(batch, _analyse_batch(analyzer, batch), strict=True):
            if isinstance(result, Exception):
                reason = record_article_failure(db, article, "tag", result, run_id)
                mark_tag_error(db, article["id"], reason)
                counts["errors"] += 1
                continue
            written = save_analysis(db, article["id"], rows(result, ids), lang=result.lang)
            counts["tagged"] += 1
            for table, n in written.items():
                counts[table] += n
    return counts
