"""One transaction for a batch of crawled items: their pages, their articles, their failures."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from crawlers.canonical import canonical_url
from storage.archive import write
from storage.articles import save_aliases, save_batch
from storage.pages import page_fields, save_pages
from storage.posts import post_row, save_posts
from storage.runs import record_failure


def record(item: dict, page_id: int) -> dict[str, Any]:
    """The archive row for an extracted item; the feed's hints fill what the page lacks."""
    article, source, hints = item["article"], item["source"], item.get("hints") or {}
    lang = article["lang"]
    if lang == "other" and source.get("lang"):
        lang = source["lang"]
    return {
        "url": item.get("canonical") or canonical_url(item["url"]),
        "source": source["name"],
        "outlet": source.get("outlet"),
        "title": article["title"] or hints.get("title"),
        "text": article["text"],
        "lang": lang,
        "published_at": article["published"] or hints.get("published"),
        "authors": article["authors"] or hints.get("authors") or [],
        "extractor": article["extractor"],
        "page_id": page_id,
    }


def page_row(item: dict, run_id: int | None) -> dict[str, Any]:
    """The evidence row of a crawled item: raw body, headers, status, the encoding it was read in."""
    return page_fields(
        url=item["url"],
        body=item["body"],
        packed=item.get("packed"),
        status=item["status"],
        headers=item["headers"],
        encoding=item.get("encoding"),
        source=item["source"]["name"],
        run_id=run_id,
    )


def addresses(item: dict) -> set[str]:
    """The canonical forms of every address that led to this page: the URLs redirected from
    and the one answered (aliases of the article when its own canonical URL differs)."""
    return {canonical_url(u) for u in [*item.get("redirected_from", []), item["url"]]}


def _failure(db: sqlite_utils.Database, item: dict, run_id: int | None) -> None:
    error = item.get("extract_error")
    record_failure(
        db,
        source=item["source"]["name"],
        stage="extract",
        kind="extract_failed" if error else "no_text",
        url=item["url"],
        reason=f"cannot extract {item['url']}: {error}"
        if error
        else f"no article text in {item['url']} ({len(item['body'])} bytes)",
        run_id=run_id,
    )


def store_items(db: sqlite_utils.Database, items: list[dict], run_id: int | None) -> list[str]:
    """Save every item's page, then its article (or its failure); the outcome per item:
    ``new``, ``updated``, ``unchanged`` (also a second item with the same canonical URL in one
    batch) or ``no_text``."""
    rows = [page_row(item, run_id) for item in items]
    outcomes = ["no_text"] * len(items)
    aliases: dict[str, str] = {}
    with write(db):
        page_ids = save_pages(db, rows)
        records: dict[str, tuple[int, dict]] = {}
        for i, (item, page_id) in enumerate(zip(items, page_ids, strict=True)):
            if item["article"] is None:
                _failure(db, item, run_id)
                continue
            row = record(item, page_id)
            outcomes[i] = "unchanged"
            records.setdefault(row["url"], (i, row))
            aliases.update(dict.fromkeys(addresses(item), row["url"]))
        result = save_batch(db, [row for _, row in records.values()]) if records else None
        save_aliases(db, aliases)
        save_posts(
            db,
            [
                post_row(u, items[i]["post"])
                for u, (i, _) in records.items()
                if items[i].get("post")
            ],
        )
    for url, (i, _) in records.items():
        if result and url in result.new:
            outcomes[i] = "new"
        elif result and url in result.updated:
            outcomes[i] = "updated"
    return outcomes
