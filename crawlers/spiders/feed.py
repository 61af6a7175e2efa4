"""RSS 0.9x/1.0/2.0 and Atom feeds: fetched by Scrapy with ETag/Last-Modified, parsed by
feedparser from the bytes and the response headers, entries followed to their articles."""

from __future__ import annotations

import time

import feedparser

from crawlers.spiders.base import SourceSpider
from storage.validators import get_validators, save_validators

HEADERS = ("content-type", "content-location", "content-language", "etag", "last-modified")


def entry_hints(entry) -> dict:
    """What the feed says about an article (used when the page itself does not say)."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    return {
        "title": entry.get("title"),
        "authors": authors,
        "published": time.strftime("%Y-%m-%d", parsed) if parsed else None,
    }


class FeedSpider(SourceSpider):
    kind = "feed"

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.validators: dict[str, tuple[str | None, str | None]] = {}

    async def start(self):
        for url in self.start_urls:
            sent = get_validators(self.db, url)
            headers = {}
            if sent.get("etag"):
                headers["If-None-Match"] = sent["etag"]
            if sent.get("last_modified"):
                headers["If-Modified-Since"] = sent["last_modified"]
            request = self.start_request(url, self.parse_feed, handle_httpstatus_list=[304])
            request.headers.update(headers)
            yield request

    def parse_feed(self, response):
        if response.status == 304:
            self.crawler.stats.inc_value("presswatch/feeds_not_modified")
            return
        headers = {
            h: response.headers.get(h).decode("latin-1") for h in HEADERS if response.headers.get(h)
        }
        headers.setdefault("content-location", response.url)  # base for relative entry links
        feed = feedparser.parse(response.body, response_headers=headers)
        if feed.bozo:
            reason = f"malformed feed {response.url}: {feed.get('bozo_exception')}"[:500]
            self.fail("malformed_feed", reason, response.url)
            if not feed.entries:
                self.crawler.stats.set_value("presswatch/broken", True)
                return
        for entry in feed.entries:
            if not entry.get("link"):
                self.fail(
                    "entry_without_link",
                    f"feed entry without link: {entry.get('title', '')!r}"[:300],
                    response.url,
                )
        links = self.capped([e.link for e in feed.entries if e.get("link")], response.url)
        hints = {e.link: entry_hints(e) for e in feed.entries if e.get("link")}
        for url in self.fresh(links):
            yield self.article_request(response.urljoin(url), hints.get(url))
        first = response.meta.get("redirect_urls", [response.url])[0]
        self.validators[first] = (headers.get("etag"), headers.get("last-modified"))

    def closed(self, reason: str) -> None:
        """Keep the validators only when every article of the feed was fetched, so a failed
        article is retried next night instead of hidden behind a 304."""
        if reason == "finished" and not self.article_errors:
            for url, (etag, modified) in self.validators.items():
                save_validators(self.db, url, source=self.name, etag=etag, last_modified=modified)
        super().closed(reason)
