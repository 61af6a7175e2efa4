"""Sitemaps, news sitemaps and sitemap indexes (gzip too), parsed by Scrapy's entity-safe lxml
``Sitemap``; article URLs are followed unless already stored."""

from __future__ import annotations

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawlers.spiders.base import SourceSpider

MAX_DEPTH = 3


class SitemapSpider(SourceSpider):
    kind = "sitemap"

    async def start(self):
        for url in self.start_urls:
            yield self.start_request(url, self.parse_sitemap, depth=0)

    def body(self, response) -> bytes:
        if response.url.endswith(".gz") or response.body[:2] == b"\x1f\x8b":
            return gunzip(response.body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        return response.body

    def parse_sitemap(self, response):
        try:
            sitemap = Sitemap(self.body(response))
            entries = list(sitemap)
        except Exception as exc:  # lxml / gzip errors: a broken sitemap is recorded, not fatal
            self.fail(
                "malformed_sitemap", f"malformed sitemap {response.url}: {exc}"[:500], response.url
            )
            self.crawler.stats.set_value("presswatch/broken", True)
            return
        locs = [e["loc"] for e in entries if e.get("loc")]
        if sitemap.type == "sitemapindex":
            depth = response.meta.get("depth", 0) + 1
            for loc in locs if depth <= MAX_DEPTH else []:
                yield self.start_request(response.urljoin(loc), self.parse_sitemap, depth=depth)
            return
        for url in self.fresh([response.urljoin(u) for u in locs]):
            yield self.article_request(url)
