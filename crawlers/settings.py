"""Scrapy settings for Presswatch crawls: polite by default, fast on loopback for local sources."""

from __future__ import annotations

from typing import Any

from scrapy.settings import default_settings

USER_AGENT = "PresswatchBot/0.1 (+https://presswatch.example/bot; press-freedom monitoring)"
MAX_PAGE_BYTES = 10 * 1024 * 1024

# Scrapy components a news crawl does not use. Left out of the *_BASE dicts rather than set to
# None: Scrapy imports every key of a component dict, even disabled ones, to resolve it
# (RemoteControl pulls in aiohttp, CookiesMiddleware tldextract: 0.4 s of start-up), and some cost
# time on every request (header-size stats, depth bookkeeping).
UNUSED = {
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.memdebug.MemoryDebugger",
    "scrapy.extensions.feedexport.FeedExporter",  # items go to the archive, not to feeds
    "scrapy.extensions.spiderstate.SpiderState",  # no JOBDIR
    "scrapy.extensions.remote_control.RemoteControl",  # Scrapy 2.19's control server: an open port
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware",
    "scrapy.downloadermiddlewares.retry.RetryMiddleware",  # replaced by BackoffRetryMiddleware
    # replaced by SourceRobotsTxtMiddleware (robots.txt per source, crawlers/middlewares/per_source.py)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware",
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",  # COOKIES_ENABLED is off
    "scrapy.downloadermiddlewares.stats.DownloaderStats",  # CoreStats counts the responses
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware",
    "scrapy.spidermiddlewares.depth.DepthMiddleware",
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware",
    # per-crawler costs paid on every event of the process (crawlers/source_queue.py): a root log
    # handler per open spider, a log line per crawler per interval, a memory poll per crawler
    "scrapy.extensions.logcount.LogCount",
    "scrapy.extensions.logstats.LogStats",  # one progress line for the process instead
    "scrapy.extensions.memusage.MemoryUsage",  # the process reports its peak RSS (usage.py)
}


def without_unused(name: str) -> dict[str, int]:
    """Scrapy's default component dict ``name`` without the components in :data:`UNUSED`."""
    return {k: v for k, v in getattr(default_settings, name).items() if k not in UNUSED}


BASE: dict[str, Any] = {
    "BOT_NAME": "presswatch",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    # Scrapy parses each callback's source (ast) once per spider to warn about generators that
    # return a value: a per-source cost, for our own tested callbacks
    "WARN_ON_GENERATOR_RETURN_VALUE": False,
    "CONCURRENT_SOURCES": 32,  # sources crawled at once in one process; the rest wait their turn
    # sources of one kind and settings served by one Scrapy crawler (crawlers/spiders/sources.py);
    # each source keeps its own stats, slots, robots.txt, failures and run record
    "SOURCES_PER_CRAWLER": 8,
    "CONCURRENT_REQUESTS": 16,  # per source (a crawler of 8 sources allows 8 × 16)
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
    "DOWNLOAD_DELAY": 0.5,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_MAXSIZE": MAX_PAGE_BYTES,  # also applied to the decompressed body (gzip/br bombs)
    "DOWNLOAD_WARNSIZE": 2 * 1024 * 1024,
    "REDIRECT_MAX_TIMES": 5,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 2,
    "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
    "RETRY_BACKOFF_BASE": 1.0,
    "RETRY_AFTER_MAX": 60.0,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    # what a news crawl does not use is left out of the *_BASE dicts (see UNUSED)
    "DOWNLOADER_MIDDLEWARES_BASE": without_unused("DOWNLOADER_MIDDLEWARES_BASE"),
    "SPIDER_MIDDLEWARES_BASE": without_unused("SPIDER_MIDDLEWARES_BASE"),
    "EXTENSIONS_BASE": without_unused("EXTENSIONS_BASE"),
    "DOWNLOADER_MIDDLEWARES": {
        "crawlers.middlewares.per_source.SourceRobotsTxtMiddleware": 100,  # Scrapy's place
        "crawlers.middlewares.per_source.SourceSlotMiddleware": 110,
        "crawlers.middlewares.retry.BackoffRetryMiddleware": 550,
        "crawlers.middlewares.address_guard.AddressGuardMiddleware": 590,
    },
    "DOWNLOAD_HANDLERS": {
        "s3": None,
        "ftp": None,
        # idle connections per host for all the crawler's sources (crawlers/middlewares/per_source.py)
        "http": "crawlers.middlewares.per_source.SharedPoolHandler",
        "https": "crawlers.middlewares.per_source.SharedPoolHandler",
    },
    "ITEM_PIPELINES": {
        "crawlers.pipelines.extract.ExtractPipeline": 100,
        "crawlers.pipelines.archive.ArchivePipeline": 200,
    },
    "REACTOR_THREADPOOL_MAXSIZE": 4,
    # bounds per page (a bound hit is a recorded failure, see docs/crawling.md)
    "LINKS_MAX_PER_PAGE": 10_000,  # article links taken from one feed, sitemap or listing page
    "SITEMAP_MAX_DEPTH": 3,  # sitemap indexes nested in sitemap indexes
    "SITEMAP_MAX_CHILDREN": 1_000,  # sitemaps read from one sitemap index
    "SITEMAP_MAX_SITEMAPS": 5_000,  # sitemaps read per source in one crawl, all indexes together
    "XML_MAX_BYTES": MAX_PAGE_BYTES,  # a sitemap's size after gunzip
    # Scrapy starts CONCURRENT_ITEMS tasks for every response's output; an article response has
    # one item, and requests from a sitemap are cheap to process one by one
    "CONCURRENT_ITEMS": 1,
    "EXTRACT_WORKERS": "auto",  # processes (crawlers/extractor_pool.py); auto = cores (max 4), 0 = inline
    "EXTRACT_TIMEOUT": 120.0,  # seconds one page may take before its worker is restarted
    "ARCHIVE_BATCH_SIZE": 50,  # items written per transaction (crawlers/pipelines/archive.py)
    "ARCHIVE_BATCH_DELAY": 0.25,  # seconds an item waits for its batch to fill
    "LOG_FORMATTER": "crawlers.logformat.ShortLogFormatter",
    "SOURCE_LOG_LEVEL": "WARNING",  # Scrapy's per-crawler open/close lines (source_queue.py)
    "LOGSTATS_INTERVAL": 10.0,  # seconds between the process's progress lines (0: none)
    "STATS_DUMP": False,
}

LOCAL: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "ADDRESS_GUARD_ALLOW_PRIVATE": True,
}


def source_settings(source: dict[str, Any]) -> dict[str, Any]:
    """Per-source overrides: local (loopback) sources are crawled without throttling."""
    out = dict(LOCAL) if source.get("local") else {}
    if source.get("download_delay") is not None:
        out["DOWNLOAD_DELAY"] = float(source["download_delay"])
    return out


def crawl_settings(db_path: str, run_id: int | None, **overrides: Any) -> dict[str, Any]:
    """The process-wide settings for one crawl of the archive at ``db_path``."""
    return {**BASE, "PRESSWATCH_DB": str(db_path), "PRESSWATCH_RUN_ID": run_id, **overrides}
