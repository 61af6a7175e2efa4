"""One Scrapy spider serving a batch of sources of one kind and one set of settings.

A Scrapy crawler costs about 10 ms of CPU to build, open and close (engine, downloader, eleven
middlewares, pipelines, signals), a cost that weighed as much as a page when a source brings two
articles. :class:`SourcesSpider` runs up to ``SOURCES_PER_CRAWLER`` sources in one crawler; each
source keeps its own spider object of its kind (``members``), and with it everything that was its
own before: its stats (:class:`SourceStats`: pages, items, errors), its seen URLs, its failures,
its recorded run. Its requests carry its name (``request.meta[SOURCE]``), which gives each source
its own download slots and robots.txt (``crawlers/middlewares/per_source.py``).

A source is finished when its start requests are out and it has nothing in flight: every request
it made has come back through its callback or errback (redirects and retries are the same
request), and every item it yielded has left the pipelines. It is then closed (``finished``) and
its run recorded, while the other sources of its batch go on; the sources still open when the
crawler closes (a timeout, a stop signal) are closed with the crawler's reason.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Any, cast

import scrapy
from scrapy import signals
from scrapy.utils.spider import iterate_spider_output

from crawlers.spiders.base import SourceSpider

logger = logging.getLogger(__name__)

SOURCE = "presswatch_source"  # request meta: the name of the source the request belongs to

Done = Callable[[str, dict[str, Any]], None]


class SourceStats:
    """One source's counters, with the part of Scrapy's stats API the spiders and pipelines use."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] = self.values.get(key, start) + count

    def get_stats(self) -> dict[str, Any]:
        return self.values


class SourceCrawler:
    """What a source's spider sees as its crawler: the batch's crawler, with the source's stats."""

    def __init__(self, crawler: Any, stats: SourceStats):
        self.crawler, self.stats, self.settings = crawler, stats, crawler.settings

    def __getattr__(self, name: str) -> Any:
        return getattr(self.crawler, name)


class SourcesSpider(scrapy.Spider):
    """The crawler's spider for ``sources`` (each crawled by an instance of ``member_class``)."""

    name = "sources"
    member_class: type[SourceSpider] = SourceSpider

    def __init__(
        self,
        sources: list[dict[str, Any]],
        run_id: int | None = None,
        extractor: Any = None,
        on_done: Done | None = None,
        **kw: Any,
    ):
        first = sources[0]["name"]
        super().__init__(name=first if len(sources) == 1 else f"{first}+{len(sources) - 1}", **kw)
        self.extractor = extractor  # the pipelines take it from the crawler's spider
        self.on_done = on_done
        self.members = {
            s["name"]: self.member_class(source=s, run_id=run_id, extractor=extractor)
            for s in sources
        }
        self.stats_of = {name: SourceStats() for name in self.members}
        self.in_flight = dict.fromkeys(self.members, 0)
        self.starting = set(self.members)  # start requests not yet all out
        self.results: dict[str, dict[str, Any]] = {}

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        for name, member in spider.members.items():
            member.crawler = cast(Any, SourceCrawler(crawler, spider.stats_of[name]))
            member.settings = crawler.settings
        for handler, signal in (
            (spider._received, signals.response_received),
            (spider._dropped, signals.request_dropped),
            (spider._item_left, signals.item_scraped),
            (spider._item_left, signals.item_dropped),
            (spider._item_left, signals.item_error),
        ):
            crawler.signals.connect(handler, signal=signal)
        return spider

    def source_stats(self, name: str) -> SourceStats:
        return self.stats_of[name]

    def member_of(self, request: Any) -> str | None:
        """The name of the source ``request`` belongs to (``None``: none of this crawler's)."""
        name = request.meta.get(SOURCE) if request is not None else None
        return name if name in self.members else None

    # -- requests and items, counted per source -------------------------------------------
    async def start(self):
        for name, member in self.members.items():
            requests = [self._adopt(name, r) async for r in member.start()]
            self.starting.discard(name)
            self._settle(name, 0)
            for request in requests:
                yield request

    def _adopt(self, name: str, output: Any) -> Any:
        """Count a source's request or item as in flight; route a request's answer back here."""
        if isinstance(output, scrapy.Request):
            output.meta[SOURCE] = name
            callback = output.callback or self.members[name]._parse  # as Scrapy: parse()
            output.callback = functools.partial(self._answer, name, callback)
            output.errback = functools.partial(self._error, name, output.errback)
        if output is not None:
            self.in_flight[name] += 1
        return output

    def _answer(self, name: str, callback, response, **kw: Any):
        try:
            for output in iterate_spider_output(callback(response, **kw)):
                yield self._adopt(name, output)
        finally:
            self._settle(name, -1)

    def _error(self, name: str, errback, failure) -> list[Any]:
        try:
            output = errback(failure) if errback else None
            return [self._adopt(name, o) for o in iterate_spider_output(output)]
        finally:
            self._settle(name, -1)

    def _received(self, response, request, spider) -> None:
        name = self.member_of(request)
        if name is not None:
            self.source_stats(name).inc_value("response_received_count")

    def _dropped(self, request, spider) -> None:
        name = self.member_of(request)
        if name is not None:
            self._settle(name, -1)

    def _item_left(self, item, response, spider, **kw: Any) -> None:
        name = self.member_of(getattr(response, "request", None))
        if name is not None:
            self._settle(name, -1)

    # -- closing, source by source --------------------------------------------------------
    def _settle(self, name: str, change: int) -> None:
        self.in_flight[name] += change
        if self.in_flight[name] or name in self.starting or name in self.results:
            return
        if not self._closing():
            self._close_member(name, "finished")

    def _closing(self) -> bool:
        """Whether the crawler is closing (a stop signal, a timeout): what finishes while its
        downloads drain is closed with the crawler's reason, as its own crawler would have been."""
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)  # Scrapy's engine slot: ``closing`` is set first
        return not engine.running or getattr(slot, "closing", None) is not None

    def _close_member(self, name: str, reason: str) -> None:
        member = self.members[name]
        try:
            member.closed(reason)
            result = member.result
        except Exception as exc:  # as a crawler's spider that failed to close: the source fails
            logger.exception("source %s did not close", name)
            result = {"status": "failed", "items": 0, "pages": 0, "errors": 1, "reason": str(exc)}
        self.results[name] = result
        if self.on_done is not None:
            self.on_done(name, result)

    def running(self) -> Iterable[SourceStats]:
        """The stats of the sources not finished yet."""
        return [self.source_stats(n) for n in self.members if n not in self.results]

    def closed(self, reason: str) -> None:
        for name in self.members:
            if name not in self.results:
                self._close_member(name, reason)
