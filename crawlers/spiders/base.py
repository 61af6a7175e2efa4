"""What every source spider shares: the source entry, known-URL skipping, failures, the source run."""

from __future__ import annotations

from typing import Any

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.archive_link import from_settings
from crawlers.canonical import canonical_url
from crawlers.extractor_pool import ExtractorPool
from storage.articles import known_urls
from storage.runs import record_failure, record_source_run


class SourceSpider(scrapy.Spider):
    """A spider configured by one ``sources.yaml`` entry (``source``)."""

    def __init__(
        self,
        source: dict[str, Any],
        run_id: int | None = None,
        extractor: ExtractorPool | None = None,
        **kw: Any,
    ):
        super().__init__(name=source["name"], **kw)
        self.source = source
        self.run_id = run_id
        self.extractor = extractor  # the crawl process's extraction workers (None: inline)
        self.start_urls = list(source["start_urls"])
        self.seen: set[str] = set()
        self.reasons: list[str] = []
        self.start_failed = 0
        self.article_errors = 0

    @property
    def db(self):
        return from_settings(self.crawler.settings)

    # -- requests -------------------------------------------------------------------------
    def fresh(self, urls: list[str]) -> list[str]:
        """URLs not yet seen in this crawl nor stored (unless the source says articles change)."""
        keyed = {}
        for url in urls:
            key = canonical_url(url)
            if key not in self.seen and key not in keyed:
                keyed[key] = url
        known = set() if self.source.get("changes") else known_urls(self.db, list(keyed))
        self.crawler.stats.inc_value("presswatch/known_skipped", len(known))
        self.seen.update(keyed)
        return [url for key, url in keyed.items() if key not in known]

    def capped(self, urls: list[str], page_url: str) -> list[str]:
        """The first ``LINKS_MAX_PER_PAGE`` links of one feed, sitemap or listing page; more is a
        recorded failure (``limit_links``), never a silent cut."""
        limit = self.crawler.settings.getint("LINKS_MAX_PER_PAGE")
        if not limit or len(urls) <= limit:
            return urls
        self.fail(
            "limit_links",
            f"{page_url} lists {len(urls):,} links, over LINKS_MAX_PER_PAGE ({limit:,}); "
            f"the first {limit:,} taken",
            page_url,
        )
        return urls[:limit]

    def article_request(self, url: str, hints: dict | None = None) -> scrapy.Request:
        # dont_filter: URLs are already deduplicated by canonical form in ``fresh``, and a
        # redirect loop must reach REDIRECT_MAX_TIMES (and be recorded), not vanish in the dupefilter
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={"hints": hints or {}},
            dont_filter=True,
        )

    def start_request(self, url: str, callback, **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_start_error,
            meta={"start": True, **meta},
            dont_filter=True,
        )

    # -- items ----------------------------------------------------------------------------
    def page_item(self, response, **extra: Any) -> dict[str, Any]:
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        return {
            "source": self.source,
            "url": response.url,
            "body": response.body,
            "status": response.status,
            "headers": headers,
            "hints": response.meta.get("hints", {}),
            "redirected_from": response.meta.get("redirect_urls", []),
            **extra,
        }

    def parse_article(self, response):
        yield self.page_item(response)

    # -- failures -------------------------------------------------------------------------
    def fail(self, kind: str, reason: str, url: str | None = None) -> None:
        """Record a failure on the source (and count it)."""
        self.reasons.append(reason)
        self.crawler.stats.inc_value("presswatch/errors")
        record_failure(
            self.db,
            source=self.name,
            stage="crawl",
            kind=kind,
            reason=reason,
            url=url,
            run_id=self.run_id,
        )

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else None
        if request is None or not request.meta.get("start"):
            self.article_errors += 1
        if failure.check(HttpError):
            status = failure.value.response.status
            self.fail(f"http_{status}", f"HTTP {status} from {url}", url)
            return
        message = str(failure.value).splitlines()[0] if str(failure.value) else ""
        kind = failure.type.__name__
        if not message and kind == "DownloadCancelledError":
            message = f"download of {url} cancelled (body over DOWNLOAD_MAXSIZE)"
        self.fail(kind, f"{kind}: {message or url}"[:500], url)

    def on_start_error(self, failure: Failure) -> None:
        self.start_failed += 1
        self.on_error(failure)

    # -- the source run -------------------------------------------------------------------
    def summary(self, reason: str) -> dict[str, Any]:
        """The source's result: ``failed`` when no start URL could be read, the feed or sitemap
        was unreadable, or the spider stopped early; the reason is the first failure recorded."""
        stats = self.crawler.stats
        unreadable = self.start_failed >= len(self.start_urls) or stats.get_value(
            "presswatch/broken"
        )
        failed = bool(unreadable) or reason != "finished"
        why = (self.reasons[0] if self.reasons else reason) if failed else None
        return {
            "items": stats.get_value("presswatch/items_new", 0),
            "updated": stats.get_value("presswatch/items_updated", 0),
            "pages": stats.get_value("response_received_count", 0),
            "errors": stats.get_value("presswatch/errors", 0),
            "known_skipped": stats.get_value("presswatch/known_skipped", 0),
            "status": "interrupted" if reason == "shutdown" else "failed" if failed else "ok",
            "reason": why,
            "closed": reason,  # Scrapy's close reason: finished, shutdown, closespider_timeout…
        }

    def closed(self, reason: str) -> None:
        result = self.summary(reason)
        self.result = result
        record_source_run(
            self.db,
            run_id=self.run_id,
            source=self.name,
            status=result["status"],
            items=result["items"],
            pages=result["pages"],
            errors=result["errors"],
            reason=result["reason"],
        )
