"""Telegram posts: what a channel post says beside its article (channel, post id, the links in
it, where it was forwarded from, photos, edited), keyed by the article's canonical URL."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from storage.clock import now

COLUMNS = ("channel", "post_id", "forwarded_from", "forwarded_url", "photos", "edited")


def post_row(url: str, post: dict[str, Any]) -> dict[str, Any]:
    """The ``posts`` row of one post (``url`` is its article's canonical URL)."""
    row = {c: post.get(c) for c in COLUMNS}
    row["edited"] = int(bool(row["edited"]))
    row["photos"] = int(row["photos"] or 0)
    return {"url": url, **row, "links": json.dumps(post.get("links") or [], ensure_ascii=False)}


def save_posts(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> None:
    """Upsert post rows (call inside the crawl batch's transaction)."""
    if rows:
        stamp = now()
        db["posts"].upsert_all([{**r, "seen_at": stamp} for r in rows], pk="url")


def post_of(db: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    """The post stored for an article URL, links decoded; ``None`` when it is not a post."""
    rows = list(db.query("SELECT * FROM posts WHERE url = ?", [url]))
    if not rows:
        return None
    return {
        **rows[0],
        "links": json.loads(rows[0]["links"] or "[]"),
        "edited": bool(rows[0]["edited"]),
    }
