"""Thousands of sources in one crawl process, at most ``CONCURRENT_SOURCES`` of them at a time.

Every running Scrapy crawler costs something on every event of the process, not only on its own:
Scrapy's per-crawler ``LogCount`` put one handler on the root logger for each open spider (every
log record of the process went through all of them) and ``LogStats`` logged one line per crawler
per interval. Opened all at once, 5,000 sources made the cost of a page grow with the number of
sources. Both extensions are left out (``crawlers/settings.py``, ``UNUSED``), one progress line for
the whole process replaces them (:class:`SourceQueue` logs it every ``LOGSTATS_INTERVAL``), and the
sources wait in this queue: a source starts when another finishes, so what runs at once, and what
each page costs, stays the same for 50 or 5,000 sources.

A crawl stopped by a signal (Scrapy closes the open spiders with reason ``shutdown``) starts no
further source; the sources that never ran are reported ``interrupted``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
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
    """Start ``crawl(source) -> (crawler, deferred)`` for each source, ``limit`` at a time;
    :attr:`done` fires with ``{name: result}`` once every source has finished or the crawl stops."""

    def __init__(self, sources: list[dict], crawl: Callable[[dict], Any], limit: int):
        self.waiting = deque(sources)
        self.names = [s["name"] for s in sources]
        self.crawl, self.limit = crawl, max(1, limit)
        self.active: dict[str, Any] = {}  # name → crawler
        self.results: dict[str, dict] = {}
        self.stopping = False
        self.peak_active = 0
        self.done: Deferred = Deferred()

    def begin(self) -> None:
        self._fill()

    def stop(self) -> None:
        """Start nothing more (the reactor is shutting down)."""
        self.stopping = True

    def _fill(self) -> None:
        while self.waiting and not self.stopping and len(self.active) < self.limit:
            source = self.waiting.popleft()
            crawler, finished = self.crawl(source)
            self.active[source["name"]] = crawler
            self.peak_active = max(self.peak_active, len(self.active))
            finished.addBoth(self._finished, source["name"], crawler)
        if not self.active and not self.done.called:
            self.done.callback(self.outcome())

    def _finished(self, outcome: Any, name: str, crawler: Any) -> None:
        self.active.pop(name, None)
        spider = getattr(crawler, "spider", None)
        result = getattr(spider, "result", None)
        if result is None:
            reason = getattr(outcome, "getErrorMessage", lambda: "spider did not close")()
            result = {"status": "failed", "items": 0, "pages": 0, "errors": 1, "reason": reason}
        self.results[name] = result
        if result.get("status") == "interrupted":
            self.stopping = True
        self._fill()

    def outcome(self) -> dict[str, dict]:
        """Every source's result, in the given order; ``interrupted`` for those that never ran."""
        return {n: self.results.get(n, dict(NOT_RUN)) for n in self.names}

    def progress(self) -> None:
        """One log line for the whole process (Scrapy's LogStats would log one per crawler)."""
        running = [c.stats for c in self.active.values() if c.stats]
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
