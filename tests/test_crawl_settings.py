"""The crawl's Scrapy settings: unused components are neither enabled nor imported."""

from __future__ import annotations

import subprocess
import sys

from scrapy.settings import Settings

from crawlers.settings import UNUSED, crawl_settings


def test_unused_components_are_left_out_and_ours_are_in():
    settings = Settings(crawl_settings("/tmp/x.db", None))
    enabled = set()
    for name in ("EXTENSIONS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES"):
        enabled |= set(settings.get_component_priority_dict_with_base(name))
    assert not enabled & UNUSED
    assert "crawlers.middlewares.retry.BackoffRetryMiddleware" in enabled
    # robots.txt is obeyed, per source (Scrapy's middleware kept one parser per host per crawler)
    assert "crawlers.middlewares.per_source.SourceRobotsTxtMiddleware" in enabled
    assert "crawlers.middlewares.per_source.SourceSlotMiddleware" in enabled


def test_a_crawler_set_up_with_them_does_not_import_what_it_does_not_use():
    # with Scrapy's own *_BASE dicts both are imported even when disabled (0.4 s of start-up)
    code = """
import sys
from scrapy.crawler import CrawlerProcess
from scrapy import Spider
from crawlers.settings import crawl_settings
process = CrawlerProcess(crawl_settings("/tmp/x.db", None))
crawler = process.create_crawler(Spider)
crawler._apply_settings()  # loads the extensions (Scrapy 2.19)
crawler._create_engine()  # loads the downloader and spider middlewares
print(sorted(m for m in ("aiohttp", "tldextract") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
