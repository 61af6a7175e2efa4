"""Log lines that name an item by its URL instead of dumping it (items carry whole page bodies)."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class ShortLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider=None):
        level = getattr(exception, "log_level", None) or "INFO"
        return {
            "level": getattr(logging, level) if isinstance(level, str) else level,
            "msg": "Dropped: %(exception)s",
            "args": {"exception": exception},
        }

    def scraped(self, item, response, spider=None):
        url = item.get("url") if isinstance(item, dict) else None
        return {"level": logging.DEBUG, "msg": "Stored %(url)s", "args": {"url": url}}
