"""What the downloader keeps per source when one crawler serves many (``crawlers/spiders/sources.py``).

Each source had its own crawler, hence its own download slots (concurrency, ``DOWNLOAD_DELAY``
and AutoThrottle per host) and its own robots.txt per host. They stay per source: a request of a
source (``meta[SOURCE]``) goes into the slot of that source and host, and robots.txt is fetched
and obeyed per source and host, the fetch counted as one of the source's pages, as before. The
crawler's HTTP connection pool keeps as many idle connections per host as its sources' crawlers
kept together (Scrapy keeps ``CONCURRENT_REQUESTS_PER_DOMAIN`` per crawler): with fewer, sources
on one host opened a new connection for most requests.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware, logger
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawlers.spiders.sources import SOURCE


class SourceSlotMiddleware:
    """Download slots per source and host (Scrapy's are per host: ``download_slot`` meta)."""

    def process_request(self, request: Request, spider: Any = None) -> None:
        name = request.meta.get(SOURCE)
        if name is not None:
            request.meta["download_slot"] = f"{urlparse_cached(request).hostname or ''} {name}"


class SourceRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with its parsers kept per source and host."""

    async def robot_parser(self, request: Request):
        url = urlparse_cached(request)
        name = request.meta.get(SOURCE)
        key = f"{url.netloc} {name}" if name is not None else url.netloc
        if key not in self._parsers:
            self._parsers[key] = Deferred()
            meta = {"dont_obey_robotstxt": True, **({SOURCE: name} if name is not None else {})}
            robots = Request(
                f"{url.scheme}://{url.netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta=meta,
                callback=NO_CALLBACK,
            )
            try:
                response = await self.crawler.engine.download_async(robots)
                await self._parse_robots(response, key, request)
            except Exception as exc:  # as Scrapy's: an unreadable robots.txt allows everything
                if not isinstance(exc, IgnoreRequest):
                    logger.error(
                        "Error downloading %(request)s: %(f_exception)s",
                        {"request": request, "f_exception": exc},
                        exc_info=True,
                        extra={"spider": self.crawler.spider},
                    )
                self._robots_error(exc, key)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[key]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser


class SharedPoolHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, its pool's idle connections per host times the crawler's
    sources (``PRESSWATCH_CRAWLER_SOURCES``, set by ``crawlers/run.py``)."""

    def __init__(self, crawler: Any):
        super().__init__(crawler)
        self._pool.maxPersistentPerHost *= max(
            1, crawler.settings.getint("PRESSWATCH_CRAWLER_SOURCES", 1)
        )
