"""Signals: detection output, one row per (article, suspected category).

``save_signals`` replaces an article's signals in one transaction, keeping the row (and its id) of a
category found again, and stamps ``articles.detected_at``; a re-run writes the same rows.
``mark_detect_error`` stamps an article whose detection raised (its failure is in ``failures``), so
the detect stage does not retry it forever.
"""

from __future__ import annotations

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.facets import FACET_COLUMNS, decode, encode

COLUMNS = FACET_COLUMNS


def save_signals(db: sqlite_utils.Database, article_id: int, signals: list[dict]) -> int:
    """Upsert the article's signals keyed by category, drop categories no longer found."""
    stamp = now()
    with write(db):
        keep = [s["category"] for s in signals]
        marks = ", ".join("?" * len(keep)) or "''"
        db.execute(
            f"DELETE FROM signals WHERE article_id = ? AND category NOT IN ({marks})",
            [article_id, *keep],
        )
        for sig in signals:
            row = encode({c: sig.get(c) for c in COLUMNS})
            cols = ["article_id", *row, "created_at"]
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in row)
            db.execute(
                f"INSERT INTO signals ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                f"ON CONFLICT(article_id, category) DO UPDATE SET {sets}",
                [article_id, *row.values(), stamp],
            )
        db.execute("UPDATE articles SET detected_at = ? WHERE id = ?", [stamp, article_id])
    return len(signals)


def mark_detect_error(db: sqlite_utils.Database, article_id: int) -> None:
    with write(db):
        db.execute("UPDATE articles SET detected_at = ? WHERE id = ?", [now(), article_id])


def signals_of(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    return [
        decode(r)
        for r in db.query(
            "SELECT * FROM signals WHERE article_id = ? ORDER BY category", [article_id]
        )
    ]


def signals_for_grouping(db: sqlite_utils.Database, days: int | None = None) -> list[dict]:
    """Signals with their article's outlet, language, dates and fingerprint, oldest first; with
    ``days``, only articles published within that many days of the newest signalled article."""
    when = "coalesce(a.published_at, a.first_seen_at)"
    where, params = "", []
    if days:
        where = (
            f"WHERE date({when}) >= date((SELECT max(coalesce(b.published_at, b.first_seen_at)) "
            "FROM articles b WHERE b.detected_at IS NOT NULL), ?)"
        )
        params = [f"-{int(days)} days"]
    sql = (
        "SELECT s.*, a.outlet AS article_outlet, a.lang AS article_lang, a.published_at, "
        "a.first_seen_at, a.fingerprint, a.title AS article_title, a.url "
        f"FROM signals s JOIN articles a ON a.id = s.article_id {where} "
        f"ORDER BY {when}, s.article_id, s.category"
    )
    return [decode(r) for r in db.query(sql, params)]


def set_fingerprint(db: sqlite_utils.Database, fingerprints: dict[int, int]) -> None:
    """Store 64-bit simhashes (as signed ints) in ``articles.fingerprint``."""
    with write(db):
        db.conn.executemany(
            "UPDATE articles SET fingerprint = ? WHERE id = ?",
            [(fp, aid) for aid, fp in fingerprints.items()],
        )


def texts_without_fingerprint(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            "SELECT a.id, a.title, a.text FROM articles a WHERE a.fingerprint IS NULL "
            "AND EXISTS (SELECT 1 FROM signals s WHERE s.article_id = a.id)"
        )
    )
