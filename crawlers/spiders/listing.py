"""Section listing pages: article links picked by a CSS selector, pagination followed until a
page brings no new links or ``max_pages`` is reached."""

from __future__ import annotations

import scrapy

from crawlers.spiders.base import SourceSpider

DEFAULT_LINKS = "article a[href], h2 a[href], h3 a[href]"
DEFAULT_MAX_PAGES = 5


class ListingSpider(SourceSpider):
    kind = "listing"

    @property
    def listing(self) -> dict:
        return self.source.get("listing") or {}

    async def start(self):
        for url in self.start_urls:
            yield self.start_request(url, self.parse_listing, page=1)

    def links(self, response) -> list[str]:
        hrefs = response.css(self.listing.get("links") or DEFAULT_LINKS).xpath("@href").getall()
        return [
            response.urljoin(h.strip())
            for h in hrefs
            if h.strip() and not h.startswith(("#", "javascript:", "mailto:"))
        ]

    def parse_listing(self, response):
        fresh = self.fresh(self.capped(self.links(response), response.url))
        for url in fresh:
            yield self.follow(url)
        page = response.meta.get("page", 1)
        limit = int(
            self.listing.get("max_pages") or self.source.get("max_pages") or DEFAULT_MAX_PAGES
        )
        nxt = self.listing.get("next")
        if not fresh or page >= limit or not nxt:
            return
        href = response.css(nxt).xpath("@href").get()
        if href:
            yield scrapy.Request(
                response.urljoin(href),
                callback=self.parse_listing,
                errback=self.on_error,
                meta={"page": page + 1},
            )

    def follow(self, url: str):
        return self.article_request(url)
