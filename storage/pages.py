"""Pages: the raw HTTP responses kept as evidence (compressed body, headers, sha256)."""

from __future__ import annotations

import json
import zlib
from typing import Any

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.packing import pack


def page_fields(
    *,
    url: str,
    body: bytes,
    status: int,
    packed: tuple[bytes, str] | None = None,
    final_url: str | None = None,
    headers: dict[str, Any] | None = None,
    encoding: str | None = None,
    source: str | None = None,
    run_id: int | None = None,
    error: str | None = None,
) -> dict[str, Any]:
    """The ``pages`` row of a response (body compressed, sha256 of the raw bytes)."""
    compressed, digest = packed or pack(body)
    return {
        "url": url,
        "final_url": final_url or url,
        "status": status,
        "headers": json.dumps(headers or {}, ensure_ascii=False),
        "body": compressed,
        "body_size": len(body),
        "encoding": encoding,
        "sha256": digest,
        "fetched_at": now(),
        "source": source,
        "run_id": run_id,
        "error": error,
    }


def save_pages(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> list[int]:
    """Store responses once per (url, sha256), in one transaction; their page ids in order."""
    ids = []
    with write(db):
        for row in rows:
            found = db.execute(
                "SELECT id FROM pages WHERE url = ? AND sha256 = ?", [row["url"], row["sha256"]]
            ).fetchone()
            if found:
                ids.append(int(found[0]))
                continue
            cols, marks = ", ".join(row), ", ".join("?" * len(row))
            cursor = db.execute(f"INSERT INTO pages ({cols}) VALUES ({marks})", list(row.values()))
            ids.append(int(cursor.lastrowid or 0))
    return ids


def save_page(db: sqlite_utils.Database, **fields: Any) -> int:
    """Store one response (see :func:`page_fields`); returns the page id (existing or new)."""
    return save_pages(db, [page_fields(**fields)])[0]


def page_body(db: sqlite_utils.Database, page_id: int) -> bytes | None:
    """The raw body of a stored page, decompressed; ``None`` if there is no such page."""
    row = db.execute("SELECT body FROM pages WHERE id = ?", [page_id]).fetchone()
    return zlib.decompress(row[0]) if row and row[0] is not None else None


def get_page(db: sqlite_utils.Database, page_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM pages WHERE id = ?", [page_id]))
    if not rows:
        return None
    page = rows[0]
    page["body"] = zlib.decompress(page["body"]) if page["body"] is not None else None
    page["headers"] = json.loads(page["headers"] or "{}")
    return page
