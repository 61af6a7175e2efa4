"""Sitemaps, news sitemaps and sitemap indexes (gzip too), parsed by Scrapy's entity-safe lxml
``Sitemap`` after :mod:`crawlers.hostile_xml` has refused entity declarations and oversized
documents; article URLs are followed unless already stored. Index depth (``SITEMAP_MAX_DEPTH``),
an index's fan-out (``SITEMAP_MAX_CHILDREN``) and the URLs taken from one sitemap
(``LINKS_MAX_PER_PAGE``) are bounded; a bound hit is a recorded failure."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawlers.hostile_xml import HostileXML, refuse_hostile
from crawlers.spiders.base import SourceSpider


class SitemapSpider(SourceSpider):
    kind = "sitemap"
    sitemaps_read = 0

    async def start(self):
        for url in self.start_urls:
            yield self.start_request(url, self.parse_sitemap, depth=0)

    def body(self, response) -> bytes:
        limit = self.crawler.settings.getint("XML_MAX_BYTES")
        body = response.body
        if response.url.endswith(".gz") or body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=limit)
            except ValueError as exc:  # Scrapy: "The number of bytes decompressed so far …"
                raise HostileXML(
                    "oversized_xml", f"gzip sitemap {response.url}: {exc} (XML_MAX_BYTES)"
                ) from exc
        return refuse_hostile(body, response.url, limit)

    def broken(self, kind: str, reason: str, url: str) -> None:
        self.fail(kind, reason[:500], url)
        self.crawler.stats.set_value("presswatch/broken", True)

    def parse_sitemap(self, response):
        try:
            sitemap = Sitemap(self.body(response))
            entries = list(sitemap)
        except HostileXML as exc:
            self.broken(exc.kind, str(exc), response.url)
            return
        except Exception as exc:  # lxml / gzip errors: a broken sitemap is recorded, not fatal
            self.broken(
                "malformed_sitemap", f"malformed sitemap {response.url}: {exc}", response.url
            )
            return
        locs = [e["loc"] for e in entries if e.get("loc")]
        if sitemap.type == "sitemapindex":
            yield from self.children(response, locs)
            return
        for url in self.fresh(self.capped([response.urljoin(u) for u in locs], response.url)):
            yield self.article_request(url)

    def children(self, response, locs: list[str]):
        settings = self.crawler.settings
        depth = response.meta.get("depth", 0) + 1
        max_depth, fan_out = (
            settings.getint("SITEMAP_MAX_DEPTH"),
            settings.getint("SITEMAP_MAX_CHILDREN"),
        )
        if depth > max_depth:
            self.fail(
                "limit_sitemap_depth",
                f"sitemap index {response.url} is nested {depth} deep, over SITEMAP_MAX_DEPTH "
                f"({max_depth}); its {len(locs):,} sitemaps not read",
                response.url,
            )
            return
        if len(locs) > fan_out:
            self.fail(
                "limit_sitemap_children",
                f"sitemap index {response.url} lists {len(locs):,} sitemaps, over "
                f"SITEMAP_MAX_CHILDREN ({fan_out:,}); the first {fan_out:,} read",
                response.url,
            )
        yield from self.within_total(response.url, locs[:fan_out], depth)

    def within_total(self, index_url: str, locs: list[str], depth: int):
        """Child sitemaps up to ``SITEMAP_MAX_SITEMAPS`` read per source (nested fan-outs multiply)."""
        total = self.crawler.settings.getint("SITEMAP_MAX_SITEMAPS")
        room = max(0, total - self.sitemaps_read)
        if len(locs) > room:
            self.fail(
                "limit_sitemaps",
                f"sitemap index {index_url}: {len(locs) - room:,} sitemaps not read, the source "
                f"reached SITEMAP_MAX_SITEMAPS ({total:,})",
                index_url,
            )
        self.sitemaps_read += min(room, len(locs))
        for loc in locs[:room]:
            yield self.start_request(urljoin(index_url, loc), self.parse_sitemap, depth=depth)
