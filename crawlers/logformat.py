"""Log lines that name an item by its URL instead of dumping it (items carry whole page bodies),
and no log record at all for a message below ``LOG_LEVEL`` (Scrapy builds one per page and
filters it at the handler: two wasted records a page)."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class ShortLogFormatter(LogFormatter):
    def __init__(self, level: int = logging.DEBUG):
        self.level = level

    @classmethod
    def from_crawler(cls, crawler):
        level = crawler.settings.get("LOG_LEVEL", "DEBUG")
        return cls(logging.getLevelName(level) if isinstance(level, str) else int(level))

    def _kept(self, entry):
        return entry if entry["level"] >= self.level else None

    def crawled(self, request, response, spider=None):
        return self._kept(super().crawled(request, response, spider))

    def dropped(self, item, exception, response, spider=None):
        level = getattr(exception, "log_level", None) or "INFO"
        return self._kept(
            {
                "level": getattr(logging, level) if isinstance(level, str) else level,
                "msg": "Dropped: %(exception)s",
                "args": {"exception": exception},
            }
        )

    def scraped(self, item, response, spider=None):
        url = item.get("url") if isinstance(item, dict) else None
        return self._kept({"level": logging.DEBUG, "msg": "Stored %(url)s", "args": {"url": url}})
