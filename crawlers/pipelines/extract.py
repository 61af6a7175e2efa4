"""Turn a kept page into an article (inline, or in worker processes with EXTRACT_WORKERS);
pages without article text are recorded on their source and dropped."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DropItem

from crawlers.archive_link import from_settings
from crawlers.dates import parse_date
from crawlers.extraction import Article, extract
from crawlers.spiders.court import case_text
from crawlers.workers import pool
from nlp.lang import detect_language
from storage.runs import record_failure


def court_article(item: dict) -> Article | None:
    fields = item["court"]
    text = case_text(fields)
    if not fields.get("text") and not fields.get("case_number"):
        return None
    date = parse_date(fields.get("date"))
    title = fields.get("title") or fields.get("case_number")
    return Article(
        url=item["url"],
        title=title,
        text=text,
        published=date,
        lang=detect_language(text),
        extractor="court-selectors",
    )


def lite(item: dict) -> dict:
    """What extraction needs from an item (sent to a worker process)."""
    return {
        "url": item["url"],
        "html": item["html"],
        "court": item.get("court"),
        "source": {"article": item["source"].get("article")},
    }


def article_of(item: dict) -> Article | None:
    if item.get("court") is not None:
        return court_article(item)
    return extract(item["html"], item["url"], item["source"].get("article"))


class ExtractPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.workers = crawler.settings.getint("EXTRACT_WORKERS", 0)

    async def article(self, item: dict) -> Article | None:
        if not self.workers:
            return article_of(item)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool(self.workers), article_of, lite(item))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_item(self, item, spider=None):
        article = await self.article(item)
        if article is None:
            self.crawler.stats.inc_value("presswatch/errors")
            record_failure(
                from_settings(self.crawler.settings),
                source=item["source"]["name"],
                stage="extract",
                kind="no_text",
                url=item["url"],
                reason=f"no article text in {item['url']} ({len(item['body'])} bytes)",
                run_id=self.crawler.settings.get("PRESSWATCH_RUN_ID"),
            )
            raise DropItem(f"no article text: {item['url']}", log_level="INFO")
        item["article"] = article
        return item
