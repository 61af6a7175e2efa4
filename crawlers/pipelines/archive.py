"""Keep each fetched page as evidence and store its article, many items per transaction.

Items wait (asynchronously) for their batch: ``ARCHIVE_BATCH_SIZE`` items or
``ARCHIVE_BATCH_DELAY`` seconds, whichever comes first, are written in one ``BEGIN IMMEDIATE``
transaction by :func:`crawlers.batch.store_items`; then each item learns its outcome. A page
without article text is kept and recorded on its source; an unchanged article is dropped quietly.
"""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DropItem

from crawlers.archive_link import from_settings
from crawlers.batch import store_items


class ArchivePipeline:
    def __init__(self, crawler, size: int, delay: float):
        self.crawler, self.size, self.delay = crawler, size, delay
        self.run_id = crawler.settings.get("PRESSWATCH_RUN_ID")
        self.buffer: list[tuple[dict, asyncio.Future]] = []
        self.timer: asyncio.TimerHandle | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            crawler,
            max(1, settings.getint("ARCHIVE_BATCH_SIZE", 50)),
            settings.getfloat("ARCHIVE_BATCH_DELAY", 0.25),
        )

    async def process_item(self, item, spider=None):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.buffer.append((item, future))
        if len(self.buffer) >= self.size:
            self.flush()
        elif self.timer is None:
            self.timer = loop.call_later(self.delay, self.flush)
        outcome = await future
        stats = self.stats(item)
        stats.inc_value(f"presswatch/items_{outcome}")
        if outcome == "no_text":
            stats.inc_value("presswatch/errors")
            raise DropItem(f"no article text: {item['url']}", log_level="INFO")
        if outcome == "unchanged":
            raise DropItem(f"unchanged article: {item['url']}", log_level="DEBUG")
        return {"url": item["url"], "outcome": outcome, "title": item["article"]["title"]}

    def stats(self, item):
        """The item's source's stats (its own when the crawler serves many sources)."""
        per_source = getattr(self.crawler.spider, "source_stats", None)
        return per_source(item["source"]["name"]) if per_source else self.crawler.stats

    def flush(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        batch, self.buffer = self.buffer, []
        if not batch:
            return
        try:
            outcomes = store_items(
                from_settings(self.crawler.settings), [item for item, _ in batch], self.run_id
            )
        except Exception as exc:  # the archive failed: every item of the batch reports it
            for _, future in batch:
                future.set_exception(exc)
            return
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            future.set_result(outcome)

    def close_spider(self, spider=None) -> None:
        self.flush()
