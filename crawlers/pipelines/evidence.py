"""Keep every fetched page as evidence (raw bytes, headers, status, the encoding it was read in)."""

from __future__ import annotations

from crawlers.archive_link import from_settings
from crawlers.encoding import decode
from storage.pages import save_page


class EvidencePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.run_id = crawler.settings.get("PRESSWATCH_RUN_ID")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        item["html"], item["encoding"] = decode(item["body"], item["headers"].get("Content-Type"))
        db = from_settings(self.crawler.settings)
        item["page_id"] = save_page(
            db,
            url=item["url"],
            body=item["body"],
            status=item["status"],
            final_url=item["url"],
            headers=item["headers"],
            encoding=item["encoding"],
            source=item["source"]["name"],
            run_id=self.run_id,
        )
        return item
