"""The ``sources.yaml`` that crawls the newsroom, in the schema of ``crawlers/registry.py``.

Selectors are plain CSS (an element whose text is the value); every entry is ``local: true``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from presswatch.newsroom.faults import DEFAULT_DELAY
from presswatch.newsroom.outlets import ALL_OUTLETS
from presswatch.newsroom.telegram import channels

COURT_FIELDS = {
    "title": "h1.case-title",
    "court": "dd.court",
    "case_number": "dd.case-number",
    "date": "dd.date time",
    "parties": "dd.parties li",
    "article": "dd.article",
    "decision": "dd.decision",
    "text": "div.decision-text",
}


def _entry(name: str, slug: str, kind: str, urls: list[str], **extra: Any) -> dict[str, Any]:
    o = ALL_OUTLETS[slug]
    return {
        "name": name,
        "outlet": o.name,
        "kind": kind,
        "lang": o.lang,
        "start_urls": urls,
        "enabled": True,
        "local": True,
        "rhythm_hours": extra.pop("rhythm_hours", 24),
        **extra,
    }


def telegram_entry(base_url: str, slug: str, title: str, lang: str) -> dict[str, Any]:
    """A public channel's preview as a ``telegram`` source (``https://t.me/s/<slug>`` for real)."""
    return {
        "name": f"telegram-{slug.replace('_', '-')}",
        "outlet": title,
        "kind": "telegram",
        "lang": lang,
        "start_urls": [f"{base_url}/tg/s/{slug}"],
        "enabled": True,
        "local": True,
        "rhythm_hours": 24,
        "max_pages": 5,
    }


def source_entries(
    base_url: str,
    include_faults: bool = True,
    generated: int = 0,
    slow_delay: float = DEFAULT_DELAY,
) -> list[dict[str, Any]]:
    """Sources for every outlet of a newsroom served at ``base_url``."""
    b = base_url.rstrip("/")
    entries = [
        _entry(
            "steppe-herald",
            "steppe-herald",
            "feed",
            [f"{b}/steppe-herald/feed.xml"],
            article={"title": "h1.headline", "text": "div.story-body", "authors": "span.author"},
        ),
        _entry(
            "vestnik-stepi-rss",
            "vestnik-stepi",
            "feed",
            [f"{b}/vestnik-stepi/rss.xml"],
            rhythm_hours=12,
        ),
        _entry(
            "vestnik-stepi-rdf",
            "vestnik-stepi",
            "feed",
            [f"{b}/vestnik-stepi/rdf.xml"],
            rhythm_hours=12,
        ),
        _entry(
            "vestnik-stepi-lenta",
            "vestnik-stepi",
            "listing",
            [f"{b}/vestnik-stepi/lenta"],
            listing={"links": "a.news-link", "next": "a.next", "max_pages": 20},
            article={
                "title": "h1.title",
                "text": "div.text",
                "date": "div.meta span.date",
                "authors": "div.meta span.author",
            },
        ),
        _entry("almaty-pulse-atom", "almaty-pulse", "feed", [f"{b}/almaty-pulse/atom.xml"]),
        _entry(
            "almaty-pulse-sitemap", "almaty-pulse", "sitemap", [f"{b}/almaty-pulse/sitemap.xml"]
        ),
        _entry(
            "taldy-habar-sitemap",
            "taldy-habar",
            "sitemap",
            [f"{b}/taldy-habar/sitemap.xml"],
            rhythm_hours=48,
        ),
        _entry(
            "taldy-habar-listing",
            "taldy-habar",
            "listing",
            [f"{b}/taldy-habar/zhanalyqtar/"],
            rhythm_hours=48,
            listing={"links": "a.taqyryp", "next": "a.kelesi", "max_pages": 20},
            article={
                "title": "div.material h1",
                "text": "div.material-body",
                "date": "div.kuni",
                "authors": "div.avtor",
            },
        ),
        _entry(
            "court-portal",
            "court-portal",
            "court",
            [f"{b}/court-portal/cases"],
            rhythm_hours=72,
            listing={"links": "a.case-link", "next": "a.next-page", "max_pages": 20},
            court=dict(COURT_FIELDS),
        ),
    ]
    entries += [telegram_entry(b, c.slug, c.title, c.lang) for c in channels().values()]
    if include_faults:
        entries += [
            telegram_entry(b, "kokorai_old", "Kokorai News (renamed channel)", "ru"),
            _entry(
                "faulty-wire",
                "faulty-wire",
                "feed",
                [f"{b}/faulty-wire/feed.xml?slow={slow_delay:g}"],
            ),
            _entry(
                "faulty-wire-malformed", "faulty-wire", "feed", [f"{b}/faulty-wire/malformed.xml"]
            ),
            _entry(
                "faulty-wire-entity-bomb",
                "faulty-wire",
                "feed",
                [f"{b}/faulty-wire/entity-bomb.xml"],
            ),
        ]
    if generated:
        entries.append(
            _entry(
                "bulk-news",
                "bulk-news",
                "sitemap",
                [f"{b}/bulk-news/sitemap.xml"],
                note=f"{generated} generated articles",
            )
        )
    return entries


def shard_entries(base_url: str, count: int, per: int) -> list[dict[str, Any]]:
    """``count`` sitemap sources over the bulk outlet, each with its own ``per`` articles
    (``/bulk-news/sitemap-K.xml?per=P``): thousands of sources for scale tests and benchmarks."""
    b = base_url.rstrip("/")
    return [
        _entry(
            f"bulk-{k:05d}", "bulk-news", "sitemap", [f"{b}/bulk-news/sitemap-{k}.xml?per={per}"]
        )
        for k in range(count)
    ]


def write_sources(
    path: Path | str,
    base_url: str,
    include_faults: bool = True,
    generated: int = 0,
    slow_delay: float = DEFAULT_DELAY,
) -> list[dict[str, Any]]:
    """Write ``sources.yaml`` for the newsroom at ``base_url``; return its entries."""
    entries = source_entries(base_url, include_faults, generated, slow_delay)
    header = (
        f"# Demo newsroom sources (fictional outlets on {base_url}); written by "
        "`presswatch newsroom --write-sources`.\n"
    )
    body = yaml.safe_dump({"sources": entries}, allow_unicode=True, sort_keys=False, width=120)
    Path(path).write_text(header + body, encoding="utf-8")
    return entries
