"""The sources file for the test site (every entry ``local: true`` except ``guarded``)."""

from __future__ import annotations

from pathlib import Path

import yaml


def entries(base: str) -> list[dict]:
    def src(name: str, kind: str, path: str, **extra) -> dict:
        return {
            "name": name,
            "outlet": "Steppe Courier",
            "kind": kind,
            "lang": "en",
            "start_urls": [base + path],
            "local": True,
            **extra,
        }

    return [
        src("courier-rss", "feed", "/feed.xml"),
        src("courier-atom", "feed", "/atom.xml"),
        src("courier-rdf", "feed", "/rdf.xml"),
        src("courier-rss091", "feed", "/rss091.xml"),
        src("courier-malformed", "feed", "/malformed.xml"),
        src("courier-entity-bomb", "feed", "/bomb.xml"),
        src("courier-dead", "feed", "/dead.xml"),
        src("courier-sitemap", "sitemap", "/sitemap_index.xml"),
        src(
            "courier-listing",
            "listing",
            "/listing/",
            listing={"links": "a.news-link", "next": "a.next", "max_pages": 2},
            article={"title": "h1"},
        ),
        src(
            "court-portal",
            "court",
            "/court/cases",
            lang="ru",
            listing={"links": "a.case-link"},
            court={
                "title": "h1.case-title",
                "court": "dd.court",
                "case_number": "dd.case-number",
                "date": "dd.date time",
                "parties": "dd.parties li",
                "article": "dd.article",
                "decision": "dd.decision",
                "text": "div.decision-text",
            },
        ),
        {**src("guarded", "feed", "/feed.xml"), "local": False},
    ]


def write(path: Path, base: str) -> Path:
    path.write_text(
        yaml.safe_dump({"sources": entries(base)}, allow_unicode=True), encoding="utf-8"
    )
    return path


FAST = {
    "DOWNLOAD_TIMEOUT": 5,
    "RETRY_TIMES": 1,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_AFTER_MAX": 2,
    "LOGSTATS_INTERVAL": 0,
    "LOG_LEVEL": "WARNING",
}
