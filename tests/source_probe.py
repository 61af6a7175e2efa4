"""A Scrapy extension for tests, loaded into a real crawl process by ``EXTENSIONS``: at every
spider_opened it appends "<open spiders> <root log handlers> <sources the spider serves>" to the
file ``$PRESSWATCH_PROBE`` (a crawler serves a batch of sources, ``crawlers/spiders/sources.py``)."""

from __future__ import annotations

import logging
import os

from scrapy import signals


class Probe:
    open_spiders = 0

    @classmethod
    def from_crawler(cls, crawler):
        probe = cls()
        crawler.signals.connect(probe.opened, signal=signals.spider_opened)
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)
        return probe

    def opened(self, spider) -> None:
        Probe.open_spiders += 1
        with open(os.environ["PRESSWATCH_PROBE"], "a") as out:
            served = len(getattr(spider, "members", [spider]))
            out.write(f"{Probe.open_spiders} {len(logging.root.handlers)} {served}\n")

    def closed(self, spider) -> None:
        Probe.open_spiders -= 1
