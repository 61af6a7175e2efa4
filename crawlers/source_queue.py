"""Thousands of sources in one crawl process, at most ``CONCURRENT_SOURCES`` of them at a time.

Every running Scrapy crawler costs something on every event of the process, not only on its own:
Scrapy's per-crawler ``LogCount`` put one handler on the root logger for each open spider (every
log record of the process went through all of them) and ``LogStats`` logged one line per crawler
per interval. Opened all at once, 5,000 sources made the cost of a page grow with the number of
sources. Both extensions are left out (``crawlers/settings.py``, ``UNUSED``), one progress line for
the whole process replaces them (:class:`SourceQueue` logs it every ``LOGSTATS_INTERVAL``), and the
sources wait in this queue: sources start as others finish, so what runs at once, and what each
page costs, stays the same for 50 or 5,000 sources. They start in batches of up to
``SOURCES_PER_CRAWLER`` sources of one kind and settings, one Scrapy crawler per batch
(``crawlers/spiders/sources.py``), when there is room for a full batch.

A crawl stopped by a signal (Scrapy closes the open spiders with reason ``shutdown``) starts no
further source; the sources that never ran are reported ``interrupted``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any

from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

# Scrapy's loggers of the lines every crawler writes when it opens and closes ("Enabled
# downloader middlewares: [...]", "Overridden settings", "Spider opened", "Spider closed"): five
# or more pretty-printed records per source, 25,000 for 5,000 sources, and nothing the progress
# line and the per-source results do not say. Their level is ``SOURCE_LOG_LEVEL``.
CRAWLER_LOGGERS = ("scrapy.middleware", "scrapy.crawler", "scrapy.core.engine", "scrapy.addons")

NOT_RUN = {
    "status": "interrupted",
    "items": 0,
    "pages": 0,
    "errors": 0,
    "reason": "the crawl was stopped before this source finished",
}


def quiet_crawler_logs(level: str | int | None) -> None:
    """Log Scrapy's per-crawler open/close lines only at ``level`` and above (None: as is)."""
    if level is None:
        return
    for name in CRAWLER_LOGGERS:
        logging.getLogger(name).setLevel(level)


class SourceQueue:
    """Start ``crawl(batch, done) -> (crawler, deferred)`` for batches of up to ``per_crawler``
    sources of one ``group`` (kind and settings), at most ``limit`` sources at a time; a batch
    calls ``done(name, result)`` as each of its sources finishes. :attr:`done` fires with
    ``{name: result}`` once every source has finished or the crawl stops."""

    def __init__(
        self,
        sources: list[dict],
        crawl: Callable[[list[dict], Callable[[str, dict], None]], Any],
        limit: int,
        per_crawler: int = 1,
        group: Callable[[dict], Hashable] = lambda source: None,
    ):
        self.waiting = deque(sources)
        self.names = [s["name"] for s in sources]
        self.crawl, self.limit = crawl, max(1, limit)
        self.per_crawler, self.group = max(1, min(per_crawler, self.limit)), group
        self.active: dict[str, Any] = {}  # name → its crawler
        self.results: dict[str, dict] = {}
        self.stopping = False
        self.peak_active = 0
        self.done: Deferred = Deferred()

    def begin(self) -> None:
        self._fill()

    def stop(self) -> None:
        """Start nothing more (the reactor is shutting down)."""
        self.stopping = True

    def _room(self) -> bool:
        """A batch starts when it can be full (or take every source left): room for one more
        source at a time would make a crawler per source again."""
        free = self.limit - len(self.active)
        return free >= min(self.per_crawler, len(self.waiting))

    def _fill(self) -> None:
        while self.waiting and not self.stopping and self._room():
            batch = self._next_batch(self.limit - len(self.active))
            names = [s["name"] for s in batch]
            self.active.update(dict.fromkeys(names))  # before: a source may finish at once
            self.peak_active = max(self.peak_active, len(self.active))
            crawler, finished = self.crawl(batch, self._source_done)
            self.active.update({n: crawler for n in names if n in self.active})
            finished.addBoth(self._finished, names)
        if not self.active and not self.done.called:
            self.done.callback(self.outcome())

    def _next_batch(self, free: int) -> list[dict]:
        """The first waiting source and the next ones of its group, up to ``per_crawler``."""
        first = self.waiting.popleft()
        batch, key, size = [first], self.group(first), min(self.per_crawler, free)
        for source in list(self.waiting):
            if len(batch) >= size:
                break
            if self.group(source) == key:
                self.waiting.remove(source)
                batch.append(source)
        return batch

    def _source_done(self, name: str, result: dict) -> None:
        if name not in self.active:
            return
        self.active.pop(name)
        self.results[name] = result
        if result.get("status") == "interrupted":
            self.stopping = True
        self._fill()

    def _finished(self, outcome: Any, names: list[str]) -> None:
        """The batch's crawler closed: its sources that did not report are failed."""
        reason = getattr(outcome, "getErrorMessage", lambda: "spider did not close")()
        for name in names:
            if name in self.active:
                self.active.pop(name)
                self.results[name] = {
                    "status": "failed",
                    "items": 0,
                    "pages": 0,
                    "errors": 1,
                    "reason": reason,
                }
        self._fill()

    def outcome(self) -> dict[str, dict]:
        """Every source's result, in the given order; ``interrupted`` for those that never ran."""
        return {n: self.results.get(n, dict(NOT_RUN)) for n in self.names}

    def progress(self) -> None:
        """One log line for the whole process (Scrapy's LogStats would log one per crawler)."""
        crawlers = {id(c): c for c in self.active.values() if c is not None}.values()
        running = [s for c in crawlers for s in getattr(c.spider, "running", list)()]
        done = self.results.values()
        pages = sum(r.get("pages", 0) for r in done) + sum(
            s.get_value("response_received_count", 0) for s in running
        )
        items = sum(r.get("items", 0) for r in done) + sum(
            s.get_value("presswatch/items_new", 0) for s in running
        )
        logger.info(
            "%d of %d sources done, %d running; %d pages, %d new articles",
            len(self.results),
            len(self.names),
            len(self.active),
            pages,
            items,
        )
