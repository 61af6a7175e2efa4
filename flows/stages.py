"""The nightly's stages as plain functions over a db path: open, call, time, count.

Each takes paths, ids and plain data (picklable) and returns a small stats dict with the seconds
its body took. The tag and detect stages come in three parts: the writer (the flow's process)
reads a chunk's rows (``tag_inputs``, ``detect_inputs``), a worker computes on them without the
archive (``tag_compute``, ``detect_compute``, which may run on a remote Dask worker) and the
writer stores the results (``tag_save``, ``detect_save``). No Prefect here: the flow decorates,
these do.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crawlers.registry import load_sources
from storage.archive import connect, default_db_path
from storage.articles import by_ids, pending
from storage.errors import FetchError
from storage.migrations import migrate
from storage.runs import failures as stored_failures
from storage.runs import (
    finish_run,
    record_failure,
    record_source_run,
    sources_recorded,
    start_run,
)
from storage.sources import upsert_sources


def default_db() -> Path:
    return default_db_path()


def timed(fn: Callable[[], dict]) -> dict:
    start = time.perf_counter()
    out = dict(fn())
    out["seconds"] = round(time.perf_counter() - start, 3)
    return out


def begin(db_path: str, sources_file: str) -> int:
    """Create or upgrade the archive, load the sources, open a ``nightly`` run."""
    db = connect(db_path)
    migrate(db)
    good, _problems = load_sources(sources_file)
    upsert_sources(db, good)
    seed_registry(db)
    return start_run(db, "nightly")


def seed_registry(db: Any) -> None:
    """Seed the people/outlet registry once, before tag chunks run in parallel."""
    from nlp.tagging import seed_registry as seed
    from storage.entities import load_entities

    if not load_entities(db, "outlet"):
        seed(db)


def enabled_sources(db_path: str, sources_file: str, names: list[str] | None) -> list[str]:
    good, problems = load_sources(sources_file)
    db = connect(db_path)
    for p in problems:
        record_failure(db, source=p.name, stage="config", kind="SourceProblem", reason=str(p))
    chosen = [s["name"] for s in good if s.get("enabled", True)]
    return [n for n in chosen if not names or n in names]


def batches(names: list[str], size: int) -> list[list[str]]:
    """The sources in crawl batches of ``size``: one crawl process per batch."""
    size = max(1, size)
    return [names[i : i + size] for i in range(0, len(names), size)]


def crawl_batch(
    db_path: str, sources_file: str, names: list[str], run_id: int, timeout: float
) -> dict[str, dict]:
    """Crawl a batch of sources in one process, through the source queue ``presswatch crawl``
    uses; ``timeout`` is per source (``CLOSESPIDER_TIMEOUT``). Sources whose result this run
    already recorded are skipped, so a retry after a crash crawls only what was left. A crash
    raises FetchError (worth a retry); a batch that hangs past its own bound is recorded."""
    from crawlers.run import crawl_sources

    db = connect(db_path)
    recorded = sources_recorded(db, run_id, names)
    todo = [n for n in names if n not in recorded]
    if not todo:
        return recorded
    settings = {"CLOSESPIDER_TIMEOUT": timeout}
    bound = batch_timeout(len(todo), timeout)
    stats = crawl_sources(
        db_path, sources_file, todo, run_id, settings=settings, quiet=True, timeout=bound
    )
    unreported = {n: r for n, r in stats.items() if not r.get("reported", True)}
    if unreported and not any("timed out" in r["reason"] for r in unreported.values()):
        raise FetchError(
            f"crawl of {', '.join(unreported)}: {next(iter(unreported.values()))['reason']}"
        )
    results = dict(recorded)
    for name in todo:
        result = stats[name]
        if name in unreported:
            result = crawl_failed(db_path, name, run_id, result["reason"])
        elif result.get("closed") == "closespider_timeout":
            result = source_timed_out(db, name, run_id, result, timeout)
        results[name] = result
    return {n: results[n] for n in names}


def timed_batch(
    db_path: str, sources_file: str, names: list[str], run_id: int, timeout: float
) -> dict[str, dict]:
    """:func:`crawl_batch`, each source's ``seconds`` its share of the batch's time."""
    started = time.perf_counter()
    results = crawl_batch(db_path, sources_file, names, run_id, timeout)
    share = round((time.perf_counter() - started) / max(1, len(results)), 3)
    return {name: {**result, "seconds": share} for name, result in results.items()}


def batch_failed(db_path: str, names: list[str], run_id: int, reason: str) -> dict[str, dict]:
    """After a batch failed its retries: the results its sources recorded, and the others
    recorded failed with ``reason``."""
    recorded = sources_recorded(connect(db_path), run_id, names)
    return {
        n: recorded[n] if n in recorded else crawl_failed(db_path, n, run_id, reason) for n in names
    }


def batch_timeout(
    count: int, per_source: float, concurrent: int = 32, per_crawler: int = 8
) -> float:
    """The bound of a whole batch's process: each round of sources may take ``per_source``
    seconds (the sources close themselves at their own timeout well before). A round is
    ``concurrent`` sources less the ``per_crawler - 1`` places a crawler may wait for (the source
    queue starts a crawler of ``per_crawler`` sources when it can be full)."""
    rounds = -(-count // max(1, concurrent - per_crawler + 1))
    return per_source * (rounds + 1) + 60


def source_timed_out(db: Any, name: str, run_id: int, result: dict, timeout: float) -> dict:
    reason = f"{name}: crawl abandoned after {timeout:.0f} s (--timeout)"
    record_failure(
        db, source=name, stage="crawl", kind="SourceTimeout", reason=reason, run_id=run_id
    )
    return {**result, "status": "failed", "reason": reason}


def crawl_failed(db_path: str, name: str, run_id: int, reason: str) -> dict:
    """Record a source whose crawl task failed after its retries (crash, hang, timeout)."""
    db = connect(db_path)
    record_source_run(
        db, run_id=run_id, source=name, status="failed", items=0, pages=0, errors=1, reason=reason
    )
    record_failure(db, source=name, stage="crawl", kind="TaskFailed", reason=reason, run_id=run_id)
    return {
        "status": "failed",
        "items": 0,
        "pages": 0,
        "errors": 1,
        "reason": reason,
        "seconds": 0.0,
    }


def extract(db_path: str, run_id: int) -> dict:
    """Extraction runs inside the crawl (an item pipeline); here we count what it produced."""

    def body() -> dict:
        db = connect(db_path)
        row = db.execute("SELECT count(*) FROM pages WHERE run_id = ?", [run_id]).fetchone()
        return {"pages": row[0]}

    return timed(body)


def pending_ids(db_path: str, stage: str) -> list[int]:
    return [a["id"] for a in pending(connect(db_path), stage)]


def registry(db_path: str) -> tuple:
    """The people/outlet registry as plain data, shipped with every tag chunk."""
    from nlp.tagging import registry_entries

    return registry_entries(connect(db_path))


def tag_inputs(db_path: str, ids: list[int]) -> list[dict]:
    """The article rows a tag chunk analyses, read by the writer."""
    return by_ids(connect(db_path), ids)


def tag_compute(articles: list[dict], entries: tuple) -> dict:
    """Worker side: analyse the rows, no archive; ``{"results": [...], "seconds"}``."""
    from nlp.tagging import tag_compute as compute

    return timed(lambda: {"results": compute(articles, entries)})


def tag_save(db_path: str, computed: dict, run_id: int) -> dict:
    """Writer side: store a tag chunk's results; counts, and compute + save seconds."""
    from nlp.tagging import tag_save as save

    return saved(computed, lambda: save(connect(db_path), computed["results"], run_id))


def detect_inputs(db_path: str, ids: list[int]) -> list[dict]:
    """The article rows and stored tagging rows a detect chunk needs, read by the writer."""
    from nlp.detect.detection import detect_inputs as inputs

    db = connect(db_path)
    return inputs(db, by_ids(db, ids))


def detect_compute(inputs: list[dict]) -> dict:
    """Worker side: signals of a chunk, no archive; ``{"results": [...], "seconds"}``."""
    from nlp.detect.detection import detect_compute as compute

    return timed(lambda: {"results": compute(inputs)})


def detect_save(db_path: str, computed: dict, run_id: int) -> dict:
    """Writer side: store a detect chunk's signals; counts, and compute + save seconds."""
    from nlp.detect.detection import detect_save as save

    return saved(computed, lambda: save(connect(db_path), computed["results"], run_id))


def saved(computed: dict, save: Callable[[], dict]) -> dict:
    """A chunk's save counts; ``seconds`` is its compute plus its save, ``save_seconds`` the save."""
    out = timed(save)
    out["save_seconds"] = out["seconds"]
    out["seconds"] = round(computed["seconds"] + out["seconds"], 3)
    return out


def group(db_path: str, run_id: int) -> dict:
    from nlp.incidents.grouping import group_and_file

    return timed(lambda: group_and_file(connect(db_path)))


def _sum(parts: list[dict]) -> dict:
    total: Counter = Counter()
    for part in parts:
        total.update({k: v for k, v in part.items() if isinstance(v, int | float)})
    return dict(total)


def collect(
    crawl: dict, extract: dict, tag: list[dict], detect: list[dict], group: dict, wall: float
) -> dict[str, Any]:
    stages = {
        "crawl": round(sum(s.get("seconds", 0) for s in crawl.values()), 3),
        "extract": extract.get("seconds", 0),
        "tag": round(sum(t["seconds"] for t in tag), 3),
        "detect": round(sum(d["seconds"] for d in detect), 3),
        "group": group.get("seconds", 0),
    }
    return {
        "sources": crawl,
        "extract": extract,
        "tag": _sum(tag),
        "detect": _sum(detect),
        "group": group,
        "stage_seconds": stages,
        "task_seconds": round(sum(stages.values()), 3),
        "wall_seconds": round(wall, 3),
        "new_articles": sum(s.get("items", 0) for s in crawl.values()),
        "failed_sources": sorted(n for n, s in crawl.items() if s.get("status") != "ok"),
    }


def run_failures(db_path: str, run_id: int) -> list[dict]:
    return stored_failures(connect(db_path), run_id)


def finish(db_path: str, run_id: int, stats: dict, summary: str) -> str:
    """Close the run: "completed", or "completed with failures (N)" when anything was recorded."""
    failed = len(stored_failures(connect(db_path), run_id)) + len(stats["failed_sources"])
    status = f"completed with failures ({failed})" if failed else "completed"
    finish_run(connect(db_path), run_id, status, summary, stats)
    return status
