"""Scrapy settings for Presswatch crawls: polite by default, fast on loopback for local sources."""

from __future__ import annotations

from typing import Any

USER_AGENT = "PresswatchBot/0.1 (+https://presswatch.example/bot; press-freedom monitoring)"
MAX_PAGE_BYTES = 10 * 1024 * 1024

BASE: dict[str, Any] = {
    "BOT_NAME": "presswatch",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "CONCURRENT_REQUESTS": 16,
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
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "crawlers.middlewares.retry.BackoffRetryMiddleware": 550,
        "crawlers.middlewares.address_guard.AddressGuardMiddleware": 590,
    },
    "ITEM_PIPELINES": {
        "crawlers.pipelines.evidence.EvidencePipeline": 100,
        "crawlers.pipelines.extract.ExtractPipeline": 200,
        "crawlers.pipelines.store.StorePipeline": 300,
    },
    "REACTOR_THREADPOOL_MAXSIZE": 4,
    "CONCURRENT_ITEMS": 4,  # one item per article response: fewer idle item workers per response
    "EXTRACT_WORKERS": 0,  # inline; N > 0 extracts in N spawned processes (crawlers/workers.py)
    "LOG_FORMATTER": "crawlers.logformat.ShortLogFormatter",
    "LOGSTATS_INTERVAL": 10.0,
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
