"""Articles: keyed by canonical URL; an unchanged re-save is a no-op, a changed text a new version."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from storage.archive import write
from storage.clock import now

COLUMNS = (
    "url",
    "source",
    "outlet",
    "title",
    "text",
    "lang",
    "published_at",
    "authors",
    "content_hash",
    "fingerprint",
    "duplicate_of",
    "extractor",
    "page_id",
)
BATCH = 2000


@dataclass
class SaveResult:
    """What a save did, article by article: ids of new, updated and unchanged URLs."""

    new: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def ids(self) -> dict[str, int]:
        return {**self.unchanged, **self.updated, **self.new}


def content_hash(title: str | None, text: str | None) -> str:
    data = f"{title or ''}\n\x00{text or ''}".encode()
    return hashlib.sha256(data).hexdigest()


def normalise(record: dict[str, Any]) -> dict[str, Any]:
    """Fill the derived columns of an article record (hash, JSON authors)."""
    row = {k: record.get(k) for k in COLUMNS}
    if not row["url"]:
        raise ValueError("an article needs a url")
    if isinstance(row["authors"], list | tuple):
        row["authors"] = json.dumps(list(row["authors"]), ensure_ascii=False)
    row["content_hash"] = row["content_hash"] or content_hash(row["title"], row["text"])
    return row


def _existing(db: sqlite_utils.Database, urls: list[str]) -> dict[str, tuple[int, str, int]]:
    marks = ",".join("?" * len(urls))
    sql = f"SELECT url, id, content_hash, version FROM articles WHERE url IN ({marks})"
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute(sql, urls).fetchall()}


def _archive_version(db: sqlite_utils.Database, article_id: int, stamp: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO article_versions "
        "(article_id, version, title, text, content_hash, page_id, saved_at, replaced_at) "
        "SELECT id, version, title, text, content_hash, page_id, updated_at, ? "
        "FROM articles WHERE id = ?",
        [stamp, article_id],
    )


def _update(
    db: sqlite_utils.Database, article_id: int, version: int, row: dict, stamp: str
) -> None:
    _archive_version(db, article_id, stamp)
    sets = ", ".join(f"{c} = ?" for c in COLUMNS if c != "url")
    values = [row[c] for c in COLUMNS if c != "url"]
    db.execute(
        f"UPDATE articles SET {sets}, version = ?, updated_at = ?, tagged_at = NULL, "
        "tag_error = NULL, detected_at = NULL WHERE id = ?",
        [*values, version + 1, stamp, article_id],
    )


def _insert_many(db: sqlite_utils.Database, rows: list[dict], stamp: str) -> None:
    cols = ", ".join(COLUMNS)
    marks = ", ".join("?" * (len(COLUMNS) + 2))
    db.conn.executemany(
        f"INSERT INTO articles ({cols}, first_seen_at, updated_at) VALUES ({marks})",
        [[r[c] for c in COLUMNS] + [stamp, stamp] for r in rows],
    )


def save_batch(db: sqlite_utils.Database, records: list[dict[str, Any]]) -> SaveResult:
    """Save one batch in one ``BEGIN IMMEDIATE`` transaction."""
    result = SaveResult()
    rows = list({r["url"]: r for r in map(normalise, records)}.values())
    stamp = now()
    with write(db):
        known = _existing(db, [r["url"] for r in rows])
        fresh = []
        for row in rows:
            if row["url"] not in known:
                fresh.append(row)
                continue
            article_id, old_hash, version = known[row["url"]]
            if old_hash == row["content_hash"]:
                result.unchanged[row["url"]] = article_id
            else:
                _update(db, article_id, version, row, stamp)
                result.updated[row["url"]] = article_id
        if fresh:
            top = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            _insert_many(db, fresh, stamp)
            # we hold the write lock: every id above ``top`` is one of ours
            rows_new = db.execute("SELECT url, id FROM articles WHERE id > ?", [top])
            result.new.update(dict(rows_new.fetchall()))
    return result


def save_articles(db: sqlite_utils.Database, records: Iterable[dict[str, Any]]) -> SaveResult:
    """Save articles keyed by URL, in batches; idempotent; changed texts become new versions."""
    total = SaveResult()
    for batch in _chunks(records, BATCH):
        part = save_batch(db, batch)
        total.new.update(part.new)
        total.updated.update(part.updated)
        total.unchanged.update(part.unchanged)
    return total


def save_article(db: sqlite_utils.Database, record: dict[str, Any]) -> tuple[int, str]:
    """Save one article; returns ``(id, "new"|"updated"|"unchanged")``."""
    result = save_batch(db, [record])
    for outcome in ("new", "updated", "unchanged"):
        ids = getattr(result, outcome)
        if ids:
            return next(iter(ids.values())), outcome
    raise AssertionError("save_batch returned no outcome")


def _chunks(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def get_article(db: sqlite_utils.Database, article_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def get_by_url(db: sqlite_utils.Database, url: str) -> dict | None:
    rows = list(db.query("SELECT * FROM articles WHERE url = ?", [url]))
    return rows[0] if rows else None


def known_urls(db: sqlite_utils.Database, urls: Iterable[str]) -> set[str]:
    """Which of these canonical URLs the archive already holds (as an article's URL or as an
    alias that led to one)."""
    found: set[str] = set()
    batch = list(urls)
    for i in range(0, len(batch), 500):
        chunk = batch[i : i + 500]
        marks = ",".join("?" * len(chunk))
        sql = (
            f"SELECT url FROM articles WHERE url IN ({marks}) "
            f"UNION SELECT alias FROM url_aliases WHERE alias IN ({marks})"
        )
        found.update(r[0] for r in db.execute(sql, chunk + chunk))
    return found


def save_aliases(db: sqlite_utils.Database, aliases: dict[str, str]) -> None:
    """Remember ``{alias: article url}`` (canonical forms; an alias equal to its URL is skipped)."""
    rows = [(a, u, now()) for a, u in aliases.items() if a != u]
    if rows:
        with write(db):
            db.conn.executemany("INSERT OR REPLACE INTO url_aliases VALUES (?, ?, ?)", rows)


def by_ids(db: sqlite_utils.Database, ids: Iterable[int]) -> list[dict]:
    """These articles, in id order (missing ids are skipped)."""
    wanted = list(ids)
    found: list[dict] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found += db.query(f"SELECT * FROM articles WHERE id IN ({marks}) ORDER BY id", chunk)
    return sorted(found, key=lambda a: a["id"])


def versions(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """Earlier versions of an article, oldest first (the current one is in ``articles``)."""
    return list(
        db.query(
            "SELECT * FROM article_versions WHERE article_id = ? ORDER BY version", [article_id]
        )
    )


def pending(db: sqlite_utils.Database, stage: str, limit: int | None = None) -> list[dict]:
    """Articles not yet through a stage (``tag`` or ``detect``), oldest first."""
    column = {"tag": "tagged_at", "detect": "detected_at"}[stage]
    extra = " AND tagged_at IS NOT NULL AND tag_error IS NULL" if stage == "detect" else ""
    extra += " AND tag_error IS NULL" if stage == "tag" else ""
    sql = f"SELECT * FROM articles WHERE {column} IS NULL{extra} ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql))
