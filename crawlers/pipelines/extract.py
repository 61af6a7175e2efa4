"""Turn a kept page into an article (in a worker thread, so fetching goes on meanwhile);
pages without article text are recorded on their source and dropped."""

from __future__ import annotations

from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawlers.archive_link import from_settings
from crawlers.dates import parse_date
from crawlers.extraction import Article, extract
from crawlers.spiders.court import case_text
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


def article_of(item: dict) -> Article | None:
    if item.get("court") is not None:
        return court_article(item)
    return extract(item["html"], item["url"], item["source"].get("article"))


class ExtractPipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_item(self, item, spider=None):
        article = await maybe_deferred_to_future(deferToThread(article_of, item))
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
