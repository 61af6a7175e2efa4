"""Candidates: the review queue (filters, order, counts), one candidate with its evidence, claims.

Decisions on candidates (accept, reject, merge, …) live in :mod:`storage.triage`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.decisions import history
from storage.facets import category_clause, decode, outlet_clause

STATUSES = ("pending", "accepted", "rejected", "merged", "second_source", "skipped")
CLAIM_MINUTES = 15
QUEUE_COLUMNS = (
    "c.id, c.title, c.category, c.confidence, c.event_date, c.outlets, c.status, c.claimed_by, "
    "c.claimed_at, c.version, c.place, c.incident_id, c.proposed_incident_id"
)


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = "pending"
    category: str | None = None
    outlet: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None

    def sql(self) -> tuple[str, list]:
        """WHERE clause and parameters over ``candidates c``."""
        clauses, params = ["1"], []
        for column, op, value in (
            ("c.status", "=", self.status),
            ("c.event_date", ">=", self.since),
            ("c.event_date", "<=", self.until),
        ):
            if value:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        for clause, values in (
            category_clause("c.category", self.category) if self.category else ("", []),
            outlet_clause("c.outlets", self.outlet) if self.outlet else ("", []),
        ):
            if clause:
                clauses.append(clause)
                params += values
        if self.lang:
            clauses.append(
                "EXISTS (SELECT 1 FROM candidate_articles ca JOIN articles a ON "
                "a.id = ca.article_id WHERE ca.candidate_id = c.id AND a.lang = ?)"
            )
            params.append(self.lang)
        return " AND ".join(clauses), params


def queue(
    db: sqlite_utils.Database,
    filters: QueueFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
) -> list[dict]:
    """Candidates by confidence, then event date (newest first), then id."""
    where, params = (filters or QueueFilter()).sql()
    sql = (
        f"SELECT {QUEUE_COLUMNS}, (SELECT count(*) FROM candidate_articles x WHERE "
        f"x.candidate_id = c.id) AS n_articles FROM candidates c WHERE {where} "
        "ORDER BY c.confidence DESC, c.event_date DESC, c.id DESC LIMIT ? OFFSET ?"
    )
    return [decode(r) for r in db.query(sql, [*params, limit, offset])]


def counts(db: sqlite_utils.Database, filters: QueueFilter | None = None) -> dict[str, int]:
    """How many candidates per status under the other filters (status is ignored)."""
    where, params = replace(filters or QueueFilter(), status=None).sql()
    found = {
        r["status"]: r["n"]
        for r in db.query(
            f"SELECT c.status, count(*) AS n FROM candidates c WHERE {where} GROUP BY c.status",
            params,
        )
    }
    return {s: found.get(s, 0) for s in STATUSES}


def outlets(db: sqlite_utils.Database, limit: int = 200) -> list[str]:
    """Outlet names seen on candidates, for the filter menu."""
    return [
        r["value"]
        for r in db.query(
            "SELECT DISTINCT j.value FROM candidates c, json_each(c.outlets) j ORDER BY 1 LIMIT ?",
            [limit],
        )
    ]


def current(db: sqlite_utils.Database, candidate_id: int) -> dict | None:
    """The candidate row alone, facets decoded."""
    rows = list(db.query("SELECT * FROM candidates WHERE id = ?", [candidate_id]))
    return decode(rows[0]) if rows else None


def _spans(db: sqlite_utils.Database, table: str, article_id: int) -> list[dict]:
    return list(
        db.query(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY start", [article_id])
    )


def articles_of(db: sqlite_utils.Database, candidate_id: int) -> list[dict]:
    """The candidate's source articles, oldest first, each with its tagged spans."""
    rows = list(
        db.query(
            "SELECT a.id, a.url, a.title, a.text, a.lang, a.outlet, a.published_at, a.page_id, "
            "a.authors FROM candidate_articles ca JOIN articles a ON a.id = ca.article_id "
            "WHERE ca.candidate_id = ? ORDER BY a.published_at, a.id",
            [candidate_id],
        )
    )
    for row in rows:
        row["mentions"] = _spans(db, "mentions", row["id"])
        row["legal_refs"] = _spans(db, "legal_refs", row["id"])
        row["amounts"] = _spans(db, "amounts", row["id"])
    return rows


def get(db: sqlite_utils.Database, candidate_id: int) -> dict | None:
    """The candidate with its source articles, evidence and decision history."""
    row = current(db, candidate_id)
    if row is None:
        return None
    row["articles"] = articles_of(db, candidate_id)
    row["history"] = history(db, "candidate", candidate_id)
    return row


def _fresh(claimed_at: str | None, minutes: int = CLAIM_MINUTES) -> bool:
    if not claimed_at:
        return False
    since = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(claimed_at)
    return since < dt.timedelta(minutes=minutes)


def claim(db: sqlite_utils.Database, candidate_id: int, reviewer: str) -> str | None:
    """Claim a candidate for ``reviewer`` unless someone else holds a fresh claim.

    Returns the other reviewer's name when they hold it, else ``None``. A claim does not bump
    ``version``: it tells others who is looking, it does not change the candidate.
    """
    with write(db):
        row = db.execute(
            "SELECT claimed_by, claimed_at FROM candidates WHERE id = ?", [candidate_id]
        ).fetchone()
        if row is None:
            return None
        if row[0] and row[0] != reviewer and _fresh(row[1]):
            return str(row[0])
        db.execute(
            "UPDATE candidates SET claimed_by = ?, claimed_at = ? WHERE id = ?",
            [reviewer, now(), candidate_id],
        )
    return None


def release(db: sqlite_utils.Database, candidate_id: int, reviewer: str) -> None:
    with write(db):
        db.execute(
            "UPDATE candidates SET claimed_by = NULL, claimed_at = NULL "
            "WHERE id = ? AND claimed_by = ?",
            [candidate_id, reviewer],
        )


def next_pending(
    db: sqlite_utils.Database,
    reviewer: str,
    filters: QueueFilter | None = None,
    skip_ids: tuple[int, ...] = (),
) -> int | None:
    """The first pending candidate in queue order not freshly claimed by someone else."""
    filters = replace(filters or QueueFilter(), status="pending")
    for offset in range(0, 2000, 100):
        rows = queue(db, filters, limit=100, offset=offset)
        for row in rows:
            mine = row["claimed_by"] in (None, reviewer) or not _fresh(row["claimed_at"])
            if mine and row["id"] not in skip_ids:
                return int(row["id"])
        if len(rows) < 100:
            return None
    return None
