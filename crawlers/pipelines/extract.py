"""Turn each fetched page into article fields, in the crawl's extraction workers (or inline).

The spider carries the crawl process's :class:`~crawlers.extractor_pool.ExtractorPool`; a page
the extractor could not handle (an error, a crash, a timeout) goes on with ``article = None`` and
the reason, so it is kept as evidence and recorded on its source by the archive pipeline.
"""

from __future__ import annotations

from typing import Any

from crawlers.extractor_pool import ExtractorPool
from storage.errors import ExtractionError


def page_job(item: dict[str, Any]) -> dict[str, Any]:
    """What extraction needs from a crawled item (it crosses a process boundary; the worker runs
    :func:`crawlers.page_job.extract_page` on it)."""
    return {
        "url": item["url"],
        "body": item["body"],
        "content_type": item["headers"].get("Content-Type"),
        "selectors": item["source"].get("article"),
        "court": item.get("court"),
        "post": item.get("post"),
    }


class ExtractPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.inline: ExtractorPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def pool(self) -> ExtractorPool:
        pool = getattr(self.crawler.spider, "extractor", None)
        if pool is None:  # a spider started outside crawlers.run: extract inline
            self.inline = self.inline or ExtractorPool(0)
            pool = self.inline
        return pool

    async def process_item(self, item, spider=None):
        try:
            result = await self.pool().run(page_job(item))
        except ExtractionError as exc:
            item.update(
                encoding=None, article=None, canonical=None, packed=None, extract_error=str(exc)
            )
            return item
        item.update(result)
        return item
