"""One crawl, in its own process (Scrapy's reactor cannot restart): ``python -m crawlers.run``.

The child loads the sources, crawls the selected ones together in one ``CrawlerProcess`` and
prints one JSON line of stats per source on stdout (progress goes to stderr as Scrapy logs).
:func:`crawl_sources` is what ``presswatch crawl`` and the nightly flow call.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from crawlers.registry import load_sources
from crawlers.usage import process_usage
from storage.errors import ConfigError

SPIDERS = {
    "feed": "crawlers.spiders.feed.FeedSpider",
    "sitemap": "crawlers.spiders.sitemap.SitemapSpider",
    "listing": "crawlers.spiders.listing.ListingSpider",
    "court": "crawlers.spiders.court.CourtSpider",
    "telegram": "crawlers.spiders.telegram.TelegramSpider",
}
ROOT = Path(__file__).resolve().parents[1]


def select(sources: list[dict], names: list[str] | None) -> list[dict]:
    """The named sources (enabled or not), or every enabled one; unknown names are an error."""
    if not names:
        return [s for s in sources if s.get("enabled", True)]
    by_name = {s["name"]: s for s in sources}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ConfigError(
            f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(by_name))}"
        )
    return [by_name[n] for n in names]


def _spider_class(source: dict):
    from scrapy.utils.misc import load_object

    from crawlers.settings import source_settings

    base = load_object(SPIDERS[source["kind"]])
    return type(base.__name__, (base,), {"custom_settings": source_settings(source)})


def _disconnect_before_shutdown(extractor) -> None:
    """Stop reading from the extraction workers while the event loop still runs (the reactor is
    installed by the first ``process.crawl``, so this comes after it)."""
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor

    def disconnect():
        return deferred_from_coro(extractor.aclose())

    reactor.addSystemEventTrigger("before", "shutdown", disconnect)  # type: ignore[attr-defined,arg-type]


def _steady_gc() -> None:
    """Scrapy allocates container objects by the dozen for every request (deferreds, requests,
    responses, headers) and frees nearly all of them by reference counting; with the default
    thresholds the cycle collector ran 1,400 times in a 5,000-page crawl and took 15 % of the
    crawl process's CPU. What start-up built stays put (frozen out of collection) and the young
    generation is collected every 50,000 net allocations instead of every 700."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def crawl_here(
    db_path: str, sources: list[dict], run_id: int | None, **overrides: Any
) -> tuple[dict[str, dict], int | None]:
    """Crawl in this process (only once per process): per-source stats, and the largest peak
    RSS of the extraction workers (KiB, ``None`` if unknown)."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.archive_link import archive
    from crawlers.extractor_pool import ExtractorPool, auto_workers
    from crawlers.settings import crawl_settings
    from storage.sources import upsert_sources

    upsert_sources(archive(db_path), sources)
    process = CrawlerProcess(crawl_settings(db_path, run_id, **overrides))
    extractor = ExtractorPool(
        auto_workers(process.settings.get("EXTRACT_WORKERS")),
        timeout=process.settings.getfloat("EXTRACT_TIMEOUT"),
    )
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(_spider_class(source))
        crawlers.append(crawler)
        process.crawl(crawler, source=source, run_id=run_id, extractor=extractor)
    _disconnect_before_shutdown(extractor)
    _steady_gc()
    try:
        process.start()
    finally:
        extractor.close()
    out = {}
    for crawler in crawlers:
        spider = crawler.spider
        out[spider.name] = getattr(
            spider, "result", {"status": "failed", "reason": "spider did not close"}
        )
    return out, extractor.peak_rss_kb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawlers.run")
    parser.add_argument("--db", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--run-id", type=int)
    parser.add_argument("--set", action="append", default=[], help="Scrapy setting NAME=JSON")
    args = parser.parse_args(argv)
    try:
        sources, problems = load_sources(args.sources)
        chosen = select(sources, args.source)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    overrides = {k: json.loads(v) for k, v in (s.split("=", 1) for s in args.set)}
    results, workers_peak_kb = crawl_here(args.db, chosen, args.run_id, **overrides)
    process = process_usage(workers_peak_kb)
    for name, stats in results.items():
        print(json.dumps({"source": name, **stats, **process}), flush=True)
    return 0


def crawl_sources(
    db_path: str | Path,
    sources_file: str | Path,
    names: list[str] | None = None,
    run_id: int | None = None,
    settings: dict[str, Any] | None = None,
    quiet: bool = False,
    timeout: float | None = None,
) -> dict[str, dict]:
    """Crawl sources in a fresh subprocess; per-source stats (items, pages, errors, status,
    reason). A source the child could not report on is marked failed with the exit status."""
    cmd = [
        sys.executable,
        "-m",
        "crawlers.run",
        "--db",
        str(db_path),
        "--sources",
        str(sources_file),
    ]
    for name in names or []:
        cmd += ["--source", name]
    if run_id is not None:
        cmd += ["--run-id", str(run_id)]
    for key, value in (settings or {}).items():
        cmd += ["--set", f"{key}={json.dumps(value)}"]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    try:
        proc = subprocess.run(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL if quiet else None,
            text=True,
            env=env,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        # the child is killed; what it stored so far stays (every write is its own transaction)
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        proc = subprocess.CompletedProcess(cmd, -9, out, None)
        reason = f"crawl timed out after {timeout:.0f} s"
        return _results(proc, names, reason)
    if proc.returncode == 2:
        raise ConfigError("crawl refused its arguments (see the message above)")
    return _results(proc, names, f"crawl process exited with status {proc.returncode}")


def _results(proc: subprocess.CompletedProcess, names: list[str] | None, reason: str) -> dict:
    results = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            results[row.pop("source")] = row
    for name in names or []:
        results.setdefault(
            name,
            {
                "status": "failed",
                "items": 0,
                "pages": 0,
                "errors": 1,
                "reason": reason,
                "reported": False,
            },
        )
    return results


if __name__ == "__main__":
    sys.exit(main())
