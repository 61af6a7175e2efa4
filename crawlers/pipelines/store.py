"""Store the article keyed by its canonical URL (idempotent: an unchanged article is a no-op)."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from crawlers.archive_link import from_settings
from crawlers.canonical import canonical_url, declared_canonical
from storage.articles import save_article


def record(item: dict) -> dict:
    """The archive row for an extracted item; the feed's hints fill what the page lacks."""
    article, source, hints = item["article"], item["source"], item.get("hints") or {}
    lang = article.lang if article.lang != "other" or not source.get("lang") else source["lang"]
    return {
        "url": declared_canonical(item.get("html"), item["url"]) or canonical_url(item["url"]),
        "source": source["name"],
        "outlet": source.get("outlet"),
        "title": article.title or hints.get("title"),
        "text": article.text,
        "lang": lang,
        "published_at": article.published or hints.get("published"),
        "authors": article.authors or hints.get("authors") or [],
        "extractor": article.extractor,
        "page_id": item["page_id"],
    }


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        _, outcome = save_article(from_settings(self.crawler.settings), record(item))
        self.crawler.stats.inc_value(f"presswatch/items_{outcome}")
        if outcome == "unchanged":
            raise DropItem(f"unchanged article: {item['url']}", log_level="DEBUG")
        return {"url": item["url"], "outcome": outcome, "title": item["article"].title}
