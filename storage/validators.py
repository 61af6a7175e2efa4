"""Feed validators: the ETag and Last-Modified a feed answered with, sent back next time."""

from __future__ import annotations

import sqlite_utils

from storage.archive import write
from storage.clock import now


def get_validators(db: sqlite_utils.Database, url: str) -> dict[str, str]:
    """``{"etag": …, "last_modified": …}`` (only the ones known) for a feed URL."""
    rows = list(db.query("SELECT etag, last_modified FROM feed_validators WHERE url = ?", [url]))
    return {k: v for k, v in rows[0].items() if v} if rows else {}


def save_validators(
    db: sqlite_utils.Database,
    url: str,
    *,
    source: str | None,
    etag: str | None,
    last_modified: str | None,
) -> None:
    """Remember a feed's validators (keyed by URL; a re-save replaces them)."""
    with write(db):
        db["feed_validators"].upsert(
            {
                "url": url,
                "source": source,
                "etag": etag,
                "last_modified": last_modified,
                "checked_at": now(),
            },
            pk="url",
        )
