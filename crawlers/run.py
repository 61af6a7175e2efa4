"""One crawl, in its own process (Scrapy's reactor cannot restart): ``python -m crawlers.run``.

The child loads the sources, crawls the selected ones together in one ``CrawlerProcess`` and
prints one JSON line of stats per source on stdout (progress goes to stderr as Scrapy logs).
:func:`crawl_sources` is what ``presswatch crawl`` and the nightly flow call.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from crawlers.registry import load_sources
from crawlers.setting_schema import check_settings, parse_overrides
from crawlers.source_queue import SourceQueue, quiet_crawler_logs
from crawlers.usage import process_usage
from storage.errors import ConfigError, Interrupted

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


def _group(source: dict) -> tuple:
    """Sources that may share a crawler: the same kind and the same per-source settings."""
    from crawlers.settings import source_settings

    return source["kind"], tuple(sorted(source_settings(source).items()))


def _spider_class(source: dict):
    return _spider_class_for(*_group(source))


@functools.cache
def _spider_class_for(kind: str, settings: tuple):
    """One class per kind and per-source settings, shared by the sources that have the same:
    a new class per source defeated Scrapy's per-class caches (a fixed cost per source). Its
    crawlers serve a batch of those sources each (``crawlers/spiders/sources.py``)."""
    from scrapy.utils.misc import load_object

    from crawlers.spiders.sources import SourcesSpider

    member = load_object(SPIDERS[kind])
    attributes = {"custom_settings": dict(settings), "member_class": member}
    return type(f"{member.__name__}s", (SourcesSpider,), attributes)


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
    """Crawl in this process (only once per process), at most ``CONCURRENT_SOURCES`` sources at a
    time: per-source stats, and the largest peak RSS of the extraction workers (KiB, ``None`` if
    unknown)."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.archive_link import archive
    from crawlers.extractor_pool import ExtractorPool, auto_workers
    from crawlers.settings import crawl_settings
    from crawlers.settings_copy import CheapCopySettings
    from storage.sources import upsert_sources

    upsert_sources(archive(db_path), sources)
    if not sources:
        return {}, None
    process = CrawlerProcess(CheapCopySettings(crawl_settings(db_path, run_id, **overrides)))
    quiet_crawler_logs(process.settings.get("SOURCE_LOG_LEVEL"))
    extractor = ExtractorPool(
        auto_workers(process.settings.get("EXTRACT_WORKERS")),
        timeout=process.settings.getfloat("EXTRACT_TIMEOUT"),
    )

    def crawl_batch(batch: list[dict], done):
        crawler = process.create_crawler(_spider_class(batch[0]))
        per_source = crawler.settings.getint("CONCURRENT_REQUESTS")
        crawler.settings.set("CONCURRENT_REQUESTS", per_source * len(batch), priority="spider")
        crawler.settings.set("PRESSWATCH_CRAWLER_SOURCES", len(batch), priority="spider")
        started = process.crawl(
            crawler, sources=batch, run_id=run_id, extractor=extractor, on_done=done
        )
        return crawler, started

    settings = process.settings
    queue = SourceQueue(
        sources,
        crawl_batch,
        settings.getint("CONCURRENT_SOURCES"),
        settings.getint("SOURCES_PER_CRAWLER"),
        _group,
    )
    queue.begin()  # the first process.crawl installs the reactor
    _when_done(queue, process.settings.getfloat("LOGSTATS_INTERVAL"))
    _disconnect_before_shutdown(extractor)
    _steady_gc()
    try:
        if not queue.done.called:
            process.start(stop_after_crawl=False)
    finally:
        extractor.close()
    return queue.outcome(), extractor.peak_rss_kb


def _when_done(queue: SourceQueue, interval: float) -> None:
    """Stop the reactor when the queue is done; stop the queue when the reactor shuts down (a
    signal); log the process's progress every ``interval`` seconds."""
    from twisted.internet import reactor, task

    ticker = task.LoopingCall(queue.progress)
    if interval:
        ticker.start(interval, now=False)

    def finished(result: Any) -> Any:
        if ticker.running:
            ticker.stop()
        with contextlib.suppress(RuntimeError):  # already stopping
            reactor.stop()  # type: ignore[attr-defined,misc]
        return result

    queue.done.addBoth(finished)
    reactor.addSystemEventTrigger("before", "shutdown", queue.stop)  # type: ignore[attr-defined,arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawlers.run")
    parser.add_argument("--db", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--run-id", type=int)
    parser.add_argument("--parent-pid", type=int, help="stop when this process goes")
    parser.add_argument("--set", action="append", default=[], help="crawl setting NAME=VALUE")
    args = parser.parse_args(argv)
    die_with_parent(args.parent_pid)
    try:
        sources, problems = load_sources(args.sources)
        chosen = select(sources, args.source)
        overrides = parse_overrides(args.set)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    started = time.perf_counter()
    results, workers_peak_kb = crawl_here(args.db, chosen, args.run_id, **overrides)
    took = round(time.perf_counter() - started, 2)
    process = {**process_usage(workers_peak_kb), "crawl_s": took, "pid": os.getpid()}
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
    reason). A source the child could not report on is marked failed with the exit status.

    The child dies with this process (it asks the kernel for SIGTERM when its parent goes, even
    on kill -9). :class:`~storage.errors.Interrupted` (a stop signal, see
    ``presswatch/interruption.py``) or Ctrl-C while it runs: the child is given ``GRACE`` seconds
    to close its spiders, then killed, and ``Interrupted`` is raised with the per-source stats.
    Unknown or wrongly typed ``settings`` are a ConfigError (``crawlers/setting_schema.py``)."""
    cmd = _command(db_path, sources_file, names, run_id, check_settings(settings or {}))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if quiet else None,
        text=True,
        env=env,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # the child is killed; what it stored so far stays (every write is its own transaction)
        proc.kill()
        out, _ = proc.communicate()
        done = subprocess.CompletedProcess(cmd, -9, out, None)
        return _results(done, names, f"crawl timed out after {timeout:.0f} s")
    except (Interrupted, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        done = subprocess.CompletedProcess(cmd, proc.returncode, _wind_down(proc), None)
        results = _results(done, names, f"the crawl was stopped by signal {signum}", "interrupted")
        raise Interrupted(signum, results) from None
    if proc.returncode == 2:
        raise ConfigError("crawl refused its arguments (see the message above)")
    done = subprocess.CompletedProcess(cmd, proc.returncode, out, None)
    return _results(done, names, f"crawl process exited with status {proc.returncode}")


GRACE = 30.0  # seconds a stopped crawl has to close its spiders before it is killed


def _wind_down(proc: subprocess.Popen) -> str:
    """Wait for a signalled child (SIGTERM if it does not stop by itself), kill it after GRACE
    seconds; what it printed."""
    for step in (None, proc.terminate, proc.kill):
        if step:
            step()
        try:
            return proc.communicate(timeout=GRACE)[0] or ""
        except subprocess.TimeoutExpired:
            continue
    return ""


def _command(db_path, sources_file, names, run_id, settings) -> list[str]:
    cmd = [sys.executable, "-m", "crawlers.run", "--db", str(db_path)]
    cmd += ["--sources", str(sources_file), "--parent-pid", str(os.getpid())]
    for name in names or []:
        cmd += ["--source", name]
    if run_id is not None:
        cmd += ["--run-id", str(run_id)]
    for key, value in (settings or {}).items():
        cmd += ["--set", f"{key}={json.dumps(value)}"]
    return cmd


def _results(
    proc: subprocess.CompletedProcess, names: list[str] | None, reason: str, status: str = "failed"
) -> dict:
    results = {}
    for line in (proc.stdout or "").splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            results[row.pop("source")] = row
    for name in names or []:
        results.setdefault(
            name,
            {
                "status": status,
                "items": 0,
                "pages": 0,
                "errors": 1,
                "reason": reason,
                "reported": False,
            },
        )
    return results


def die_with_parent(parent_pid: int | None) -> None:
    """Ask Linux for SIGTERM when the parent goes (PR_SET_PDEATHSIG), so no crawl outlives the
    command or flow that started it, even one killed with -9; elsewhere a no-op."""
    if parent_pid is None or not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:  # the parent went before we asked
        os.kill(os.getpid(), signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main())
