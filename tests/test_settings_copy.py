"""Every crawler (one per source) starts from a copy of the process's settings: the copy is
structural, not a deepcopy, and still independent of the original."""

from __future__ import annotations

import copy

from scrapy.crawler import CrawlerProcess
from scrapy.settings import BaseSettings

from crawlers.run import _spider_class
from crawlers.settings import crawl_settings
from crawlers.settings_copy import CheapCopySettings


def _dump(settings: BaseSettings) -> dict:
    return {
        name: (_dump(a.value) if isinstance(a.value, BaseSettings) else a.value, a.priority)
        for name, a in settings.attributes.items()
    }


def test_copy_has_the_same_values_and_priorities_as_a_deepcopy():
    settings = CheapCopySettings(crawl_settings("a.db", 7, LOG_LEVEL="DEBUG"))
    assert _dump(settings.copy()) == _dump(copy.deepcopy(settings))
    assert type(settings.copy()) is CheapCopySettings


def test_changes_to_a_copy_never_reach_the_original():
    settings = CheapCopySettings(crawl_settings("a.db", 7))
    mine = settings.copy()
    mine["DOWNLOADER_MIDDLEWARES"]["x.Y"] = 1
    mine["RETRY_HTTP_CODES"].append(599)
    mine.set("DOWNLOAD_DELAY", 9, "spider")
    assert "x.Y" not in settings["DOWNLOADER_MIDDLEWARES"]
    assert 599 not in settings["RETRY_HTTP_CODES"]
    assert settings["DOWNLOAD_DELAY"] == 0.5


def test_a_crawler_per_source_does_not_deepcopy_the_settings(monkeypatch):
    process = CrawlerProcess(CheapCopySettings(crawl_settings("a.db", None)))
    deep = copy.deepcopy
    copied: list[type] = []

    def counting(value, *args, **kw):
        copied.append(type(value))
        return deep(value, *args, **kw)

    monkeypatch.setattr(copy, "deepcopy", counting)
    source = {"name": "s", "kind": "sitemap", "start_urls": ["http://x.test/s.xml"]}
    crawler = process.create_crawler(_spider_class(source))
    assert crawler.settings["PRESSWATCH_DB"] == "a.db"
    assert not [t for t in copied if issubclass(t, BaseSettings)]


def test_sources_with_the_same_settings_share_one_spider_class():
    def source(name, **extra):
        return {"name": name, "kind": "sitemap", "start_urls": ["http://x.test/"], **extra}

    first, second = _spider_class(source("a", local=True)), _spider_class(source("b", local=True))
    slow = _spider_class(source("c", download_delay=3))
    assert first is second
    assert slow is not first and slow.custom_settings == {"DOWNLOAD_DELAY": 3.0}
    assert first.custom_settings["DOWNLOAD_DELAY"] == 0
