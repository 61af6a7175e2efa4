"""Filing grouped signals as candidates: upsert by key, attach source articles, propose developments.

Candidates that reviewers already decided (any status but ``pending``) are never changed except to
attach new source articles; pending ones get refreshed facets. Keys are unique, so filing twice
creates nothing new.
"""

from __future__ import annotations

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.facets import FACET_COLUMNS, decode, encode

FACETS = FACET_COLUMNS


def candidates_of_articles(db: sqlite_utils.Database, article_ids: list[int]) -> list[dict]:
    """Candidates already holding any of these articles, oldest first."""
    marks = ", ".join("?" * len(article_ids)) or "NULL"
    return list(
        db.query(
            f"SELECT DISTINCT c.id, c.key, c.status, c.category FROM candidates c JOIN candidate_articles ca "
            f"ON ca.candidate_id = c.id WHERE ca.article_id IN ({marks}) ORDER BY c.id",
            article_ids,
        )
    )


def taken_articles(db: sqlite_utils.Database, article_ids: list[int]) -> set[int]:
    """Which of these articles already back a candidate."""
    marks = ", ".join("?" * len(article_ids)) or "NULL"
    return {
        r["article_id"]
        for r in db.query(
            f"SELECT DISTINCT article_id FROM candidate_articles WHERE article_id IN ({marks})",
            article_ids,
        )
    }


def absorb(db: sqlite_utils.Database, into: int, others: list[int]) -> list[int]:
    """Fold candidates an earlier run filed apart into ``into``, once an article arrived that links
    them (so the candidates do not depend on the order articles arrive in): the source articles of
    each other candidate still pending, unclaimed and never decided on move to ``into`` and the
    emptied candidate is deleted. Decided candidates are left alone. Returns the ids folded in."""
    marks = ", ".join("?" * len(others)) or "NULL"
    with write(db):
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT c.id FROM candidates c WHERE c.id IN ({marks}) AND c.id != ? "
                "AND c.status = 'pending' AND c.claimed_by IS NULL AND NOT EXISTS (SELECT 1 FROM "
                "decisions d WHERE d.target_type = 'candidate' AND d.target_id = c.id)",
                [*others, into],
            ).fetchall()
        ]
        folded = ", ".join("?" * len(ids)) or "NULL"
        db.execute(
            f"UPDATE OR IGNORE candidate_articles SET candidate_id = ? WHERE candidate_id IN ({folded})",
            [into, *ids],
        )
        db.execute(f"DELETE FROM candidate_articles WHERE candidate_id IN ({folded})", ids)
        db.execute(f"DELETE FROM candidates WHERE id IN ({folded})", ids)
    return ids


def holds_articles(db: sqlite_utils.Database, candidate_id: int) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM candidate_articles WHERE candidate_id = ? LIMIT 1", [candidate_id]
        ).fetchone()
    )


def by_key(db: sqlite_utils.Database, key: str) -> dict | None:
    rows = list(db.query("SELECT id, key, status, category FROM candidates WHERE key = ?", [key]))
    return rows[0] if rows else None


def create(
    db: sqlite_utils.Database, key: str, facets: dict, proposed_incident_id: int | None = None
) -> int:
    row = encode({k: facets.get(k) for k in FACETS})
    stamp = now()
    with write(db):
        return int(
            db["candidates"]
            .insert(
                {
                    **row,
                    "key": key,
                    "status": "pending",
                    "proposed_incident_id": proposed_incident_id,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "version": 1,
                }
            )
            .last_pk
            or 0
        )


def attach(
    db: sqlite_utils.Database, candidate_id: int, links: list[tuple[int, int | None]]
) -> int:
    """Attach (article_id, signal_id) pairs; returns how many were new."""
    stamp = now()
    with write(db):
        before = db.execute(
            "SELECT count(*) FROM candidate_articles WHERE candidate_id = ?", [candidate_id]
        ).fetchone()[0]
        db.conn.executemany(
            "INSERT OR IGNORE INTO candidate_articles (candidate_id, article_id, signal_id, added_at) VALUES (?, ?, ?, ?)",
            [(candidate_id, a, s, stamp) for a, s in links],
        )
        after = db.execute(
            "SELECT count(*) FROM candidate_articles WHERE candidate_id = ?", [candidate_id]
        ).fetchone()[0]
    return int(after - before)


def refresh(db: sqlite_utils.Database, candidate_id: int, facets: dict) -> bool:
    """Update a still-pending candidate's facets (bumping ``version``); decided ones are left alone."""
    row = encode({k: facets.get(k) for k in FACETS})
    sets = ", ".join(f'"{k}" = ?' for k in row)
    with write(db):
        cur = db.execute(
            f"UPDATE candidates SET {sets}, updated_at = ?, version = version + 1 "
            f"WHERE id = ? AND status = 'pending' AND ({' OR '.join(f'{k} IS NOT ?' for k in row)})",
            [*row.values(), now(), candidate_id, *row.values()],
        )
    return cur.rowcount > 0


def accepted_incidents(db: sqlite_utils.Database) -> list[dict]:
    """Accepted incidents with their source article ids (for development proposals)."""
    rows = [
        decode(r)
        for r in db.query(
            "SELECT id, category, victims, event_date, status FROM incidents "
            "WHERE merged_into IS NULL"
        )
    ]
    for row in rows:
        row["article_ids"] = [
            r["article_id"]
            for r in db.query(
                "SELECT article_id FROM incident_articles WHERE incident_id = ?", [row["id"]]
            )
        ]
    return rows


def candidates_of(db: sqlite_utils.Database) -> list[dict]:
    return [decode(r) for r in db.query("SELECT * FROM candidates ORDER BY id")]


def decided_examples(db: sqlite_utils.Database) -> list[tuple[str, set[str]]]:
    """Training examples from reviewers' decisions: an accepted candidate's articles carry its
    (possibly corrected) category, a rejected candidate's articles carry none."""
    out: dict[int, tuple[str, set[str]]] = {}
    rows = db.query(
        "SELECT a.id, a.text, c.status, coalesce(i.category, c.category) AS category FROM candidates c "
        "JOIN candidate_articles ca ON ca.candidate_id = c.id JOIN articles a ON a.id = ca.article_id "
        "LEFT JOIN incidents i ON i.id = c.incident_id WHERE c.status IN ('accepted', 'rejected') "
        "ORDER BY a.id"
    )
    for r in rows:
        text, cats = out.setdefault(r["id"], (r["text"] or "", set()))
        if r["status"] == "accepted" and r["category"]:
            cats.add(r["category"])
    return list(out.values())
