"""Tagging the archive: analyse untagged articles and store what was found.

Two halves, so the analysis can run where the archive is not: :func:`tag_compute` turns article
rows into plain, picklable results (a Dask worker runs it, no archive needed) and
:func:`tag_save` writes them (the one writer, idempotent per article). ``tag_pending(db)``
(``presswatch tag --pending``) and ``tag_articles`` do both in one process. Articles go through
:class:`nlp.pipeline.Analyzer` in batches; when a batch raises, its articles are retried one by
one (offsets of stored rows are into ``articles.text``) and the one that still raises comes back
as ``{"id", "error"}``: it gets ``tag_error`` (and a ``failures`` row, stage "tag") and is not
retried. A text over ``Settings.max_chars`` is analysed up to the bound, stored, and recorded as a
``limit_tag_chars`` failure (stage "tag"): a bound hit is never silent.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import cast

import sqlite_utils

from nlp.entities.names import Registry, key
from nlp.pipeline import Analysis, Analyzer
from nlp.settings import Settings
from storage.analysis import mark_tag_error, save_analysis
from storage.articles import pending
from storage.entities import load_entities, upsert_entity
from storage.runs import error_reason, record_article_error

BATCH = 64
COUNTS = ("tagged", "errors", "mentions", "legal_refs", "amounts")
LINKED = ("person", "outlet")  # mention kinds linked to the registry's entities
Entries = tuple[tuple[str, str, tuple[str, ...]], ...]


def registry_from_db(db: sqlite_utils.Database) -> Registry:
    """The registry of known people and outlets stored in the archive."""
    registry = Registry()
    for entity in load_entities(db):
        registry.add(entity["kind"], entity["name"], entity["aliases"])
    return registry


def seed_registry(db: sqlite_utils.Database) -> int:
    """Put the gazetteer's outlets (names, aliases, domains) into the archive's registry; idempotent."""
    from nlp.entities.gazetteer import load_outlets

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
    """Tag these articles with this process's cached analyzer for the archive's current
    registry; same counts as :func:`tag_pending`."""
    from storage.articles import by_ids

    if not load_entities(db, "outlet"):
        seed_registry(db)
    return tag_stored(db, by_ids(db, ids), cached_analyzer(registry_entries(db)), run_id)


def registry_entries(db: sqlite_utils.Database) -> Entries:
    """The archive's registry as plain data (``(kind, name, aliases)``) a worker rebuilds it from."""
    return tuple((e["kind"], e["name"], tuple(e["aliases"])) for e in load_entities(db))


def cached_analyzer(entries: Entries) -> Analyzer:
    """This process's analyzer for a registry state (threads missing the cache wait for one)."""
    frozen = tuple((kind, name, tuple(aliases)) for kind, name, aliases in entries)  # hashable
    with _BUILDING:
        return _analyzer_for(frozen)


_BUILDING = threading.Lock()


@lru_cache(maxsize=1)
def _analyzer_for(entities: Entries) -> Analyzer:
    """Loading the models takes seconds: one analyzer per process and registry state."""
    registry = Registry()
    for kind, name, aliases in entities:
        registry.add(kind, name, list(aliases))
    return Analyzer(None, registry)


def tag_compute(articles: list[dict], entries: Entries) -> list[dict]:
    """Analyse article rows (``id``, ``title``, ``text``, ``published_at``) without the archive,
    with this process's analyzer for ``entries``; see :func:`analyse` for the results."""
    return analyse(cached_analyzer(entries), articles)


def analyse(analyzer: Analyzer, articles: list[dict]) -> list[dict]:
    """One picklable result per article, in order: ``{"id", "lang", "rows"}`` (the rows of
    :func:`rows`, not yet linked to the registry) or ``{"id", "error": "Type: message"}``."""
    out: list[dict] = []
    for i in range(0, len(articles), BATCH):
        batch = articles[i : i + BATCH]
        found = _analyse_batch(analyzer, batch)
        out += [_result(a, r) for a, r in zip(batch, found, strict=True)]
    return out


def _result(article: dict, found: Analysis | Exception) -> dict:
    if isinstance(found, Exception):
        return {"id": article["id"], "error": error_reason(found)}
    out = {"id": article["id"], "lang": found.lang, "rows": rows(found)}
    if found.truncated:
        out["limit"] = (
            f"limit_tag_chars: text of {found.chars:,} characters, over the tag bound "
            f"(max_chars {found.max_chars:,}); only the first {found.max_chars:,} analysed"
        )
    return out


def tag_save(
    db: sqlite_utils.Database, results: list[dict], run_id: int | None = None
) -> dict[str, int]:
    """Store :func:`analyse` results (keyed, idempotent); a failed article gets ``tag_error`` and
    a ``failures`` row (stage "tag"). Returns the counts of :func:`tag_pending`."""
    counts = dict.fromkeys(COUNTS, 0)
    ids = _entity_ids(db)
    for result in results:
        if "error" in result:
            _tag_failed(db, result, run_id)
            counts["errors"] += 1
            continue
        if "limit" in result:  # stored all the same: the analysed part is good
            _tag_limited(db, result, run_id)
        found = _linked(result["rows"], ids)
        written = save_analysis(db, result["id"], found, lang=result["lang"])
        counts["tagged"] += 1
        for table, n in written.items():
            counts[table] += n
    return counts


def _tag_failed(db: sqlite_utils.Database, result: dict, run_id: int | None) -> None:
    from storage.articles import get_article

    article = get_article(db, result["id"]) or {}
    reason = record_article_error(db, article, "tag", result["error"], run_id)
    mark_tag_error(db, result["id"], reason)


def _tag_limited(db: sqlite_utils.Database, result: dict, run_id: int | None) -> None:
    from storage.articles import get_article

    record_article_error(db, get_article(db, result["id"]) or {}, "tag", result["limit"], run_id)


def _linked(found: dict[str, list[dict]], ids: dict[tuple[str, str], int]) -> dict:
    """``found`` with person and outlet mentions linked to the registry's entity ids."""
    mentions = [
        {**m, "entity_id": ids.get((m["kind"], key(m["norm"])))} if m["kind"] in LINKED else m
        for m in found.get("mentions", [])
    ]
    return {**found, "mentions": mentions}


def tag_stored(
    db: sqlite_utils.Database, todo: list[dict], analyzer: Analyzer, run_id: int | None = None
) -> dict[str, int]:
    """Analyse stored articles batch by batch and save each batch; a broken one is recorded."""
    counts = dict.fromkeys(COUNTS, 0)
    for i in range(0, len(todo), BATCH):
        saved = tag_save(db, analyse(analyzer, todo[i : i + BATCH]), run_id)
        counts = {k: counts[k] + saved[k] for k in COUNTS}
    return counts
