"""Bulk writes of analysis rows (spans, signals, candidates) as detection files them.

Used by the review fixtures and benchmarks until detection lands; keyed and idempotent
(``INSERT OR IGNORE`` on each table's unique key), one transaction per call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.facets import FACET_COLUMNS, encode

SPAN_TABLES = {
    "mentions": ("article_id", "kind", "text", "norm", "role", "start", "end"),
    "legal_refs": ("article_id", "text", "code", "article", "part", "start", "end"),
    "amounts": ("article_id", "text", "value", "unit", "kzt", "kind", "start", "end"),
}
CANDIDATE_COLUMNS = (
    "key",
    *FACET_COLUMNS,
    "status",
    "proposed_incident_id",
)


def insert_spans(db: sqlite_utils.Database, table: str, rows: Iterable[dict[str, Any]]) -> None:
    columns = SPAN_TABLES[table]
    sql = (
        f"INSERT OR IGNORE INTO {table} ({', '.join(f'[{c}]' for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    with write(db):
        db.conn.executemany(sql, [[r.get(c) for c in columns] for r in rows])


def insert_candidates(
    db: sqlite_utils.Database, candidates: list[dict[str, Any]]
) -> dict[str, int]:
    """File candidates with their articles (``article_ids``); returns ``{key: id}``.

    A signal per (article, category) is written too, as detection does.
    """
    stamp = now()
    cols = (*CANDIDATE_COLUMNS, "created_at", "updated_at", "version")
    sql = (
        f"INSERT OR IGNORE INTO candidates ({', '.join(cols)}) "
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    with write(db):
        rows = [encode({c: cand.get(c) for c in CANDIDATE_COLUMNS}) for cand in candidates]
        for row in rows:
            row["status"] = row["status"] or "pending"
        db.conn.executemany(
            sql, [[r[c] for c in CANDIDATE_COLUMNS] + [stamp, stamp, 1] for r in rows]
        )
        ids = _ids(db, [c["key"] for c in candidates])
        _link(db, candidates, ids, stamp)
    return ids


def _ids(db: sqlite_utils.Database, keys: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        sql = f"SELECT key, id FROM candidates WHERE key IN ({','.join('?' * len(chunk))})"
        found.update({k: v for k, v in db.execute(sql, chunk).fetchall()})
    return found


def _link(
    db: sqlite_utils.Database, candidates: list[dict], ids: dict[str, int], stamp: str
) -> None:
    signals, links = [], []
    for cand in candidates:
        for article_id in cand.get("article_ids") or []:
            signals.append(
                [
                    article_id,
                    cand["category"],
                    cand.get("confidence"),
                    cand.get("title"),
                    encode({"evidence": cand.get("evidence")})["evidence"],
                    stamp,
                ]
            )
            links.append([ids[cand["key"]], article_id, stamp])
    db.conn.executemany(
        "INSERT OR IGNORE INTO signals (article_id, category, confidence, title, "
        "evidence, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        signals,
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO candidate_articles (candidate_id, article_id, "
        "added_at) VALUES (?, ?, ?)",
        links,
    )
