"""Incidents: accepted candidates, their sources, their timeline of developments, edits, exports.

Every change logs a decision in the same transaction; edits check ``version`` and raise
:class:`storage.errors.ConflictError` carrying the current row when someone else saved first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import sqlite_utils

from presswatch.locales import N_
from storage.archive import write
from storage.clock import now
from storage.decisions import history, latest, log
from storage.errors import ConflictError, ReviewError
from storage.facets import (
    DEVELOPMENT_STATUSES,
    EDITABLE,
    JSON_FIELDS,
    category_clause,
    decode,
    dumps,
    encode,
    outlet_clause,
)


@dataclass(frozen=True)
class IncidentFilter:
    """The review UI's incident filters (also used by exports): ``category`` is a leaf code or a
    block (``legal``); ``since``/``until`` bound the event date (inclusive); ``outlet`` matches
    the outlets facet; ``lang`` is the language of a source article; ``q`` a substring of title,
    summary, victims, outlets or place. Incidents merged into another are left out.
    :meth:`sql` expects the table aliased as ``i``."""

    category: str | None = None
    outlet: str | None = None
    lang: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = ["i.merged_into IS NULL"], []  # a merged incident is its target
        for column, op, value in (
            ("i.status", "=", self.status),
            ("i.event_date", ">=", self.since),
            ("i.event_date", "<=", self.until),
        ):
            if value:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        for clause, values in (
            category_clause("i.category", self.category) if self.category else ("", []),
            outlet_clause("i.outlets", self.outlet) if self.outlet else ("", []),
        ):
            if clause:
                clauses.append(clause)
                params += values
        if self.lang:
            clauses.append(
                "EXISTS (SELECT 1 FROM incident_articles ia JOIN articles a ON "
                "a.id = ia.article_id WHERE ia.incident_id = i.id AND a.lang = ?)"
            )
            params.append(self.lang)
        if self.q:
            clauses.append(
                "(i.title LIKE ? OR i.summary LIKE ? OR i.victims LIKE ? "
                "OR i.outlets LIKE ? OR i.place LIKE ?)"
            )
            params += [f"%{self.q}%"] * 5
        return " AND ".join(clauses), params


def list_incidents(
    db: sqlite_utils.Database,
    filters: IncidentFilter | None = None,
    *,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict]:
    """Incidents, newest event first."""
    where, params = (filters or IncidentFilter()).sql()
    sql = (
        f"SELECT i.*, (SELECT count(*) FROM incident_articles x WHERE x.incident_id = i.id) "
        f"AS n_articles FROM incidents i WHERE {where} ORDER BY i.event_date DESC, i.id DESC"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [decode(r) for r in db.query(sql, params)]


def search(db: sqlite_utils.Database, q: str, limit: int = 10) -> list[dict]:
    """Incidents whose title, summary, victims, outlets or place contain ``q`` (for merging)."""
    if q.strip().isdigit():
        row = current(db, int(q))
        return [row] if row and not row.get("merged_into") else []
    return list_incidents(db, IncidentFilter(q=q.strip()), limit=limit)


def current(db: sqlite_utils.Database, incident_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM incidents WHERE id = ?", [incident_id]))
    return decode(rows[0]) if rows else None


def get_incident(db: sqlite_utils.Database, incident_id: int) -> dict | None:
    """The incident with its developments (timeline), source articles and decision history."""
    row = current(db, incident_id)
    if row is None:
        return None
    row["developments"] = list(
        db.query(
            "SELECT * FROM developments WHERE incident_id = ? ORDER BY date, id", [incident_id]
        )
    )
    row["articles"] = list(
        db.query(
            "SELECT a.id, a.url, a.title, a.outlet, a.lang, a.published_at, a.page_id "
            "FROM incident_articles ia JOIN articles a ON a.id = ia.article_id "
            "WHERE ia.incident_id = ? ORDER BY a.published_at, a.id",
            [incident_id],
        )
    )
    row["history"] = history(db, "incident", incident_id)
    return row


def create(db: sqlite_utils.Database, facets: dict, reviewer: str, article_ids: list[int]) -> int:
    """Insert an incident and its sources (inside the caller's transaction; the caller logs)."""
    stamp = now()
    values = {k: facets.get(k) for k in EDITABLE}
    values["evidence"], values["cues"] = facets.get("evidence"), facets.get("cues")
    status = values.get("case_status") or "reported"
    row = {
        **encode(values),
        "confidence": facets.get("confidence"),
        "status": status,
        "ongoing": int(status != "closed"),
        "created_by": reviewer,
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
    }
    incident_id = int(cast(int, db["incidents"].insert(row).last_pk))
    add_articles(db, incident_id, article_ids)
    return incident_id


def add_articles(db: sqlite_utils.Database, incident_id: int, article_ids: list[int]) -> list[int]:
    """Attach source articles; returns the ids that were not attached before."""
    added = []
    for article_id in article_ids:
        cur = db.execute(
            "INSERT OR IGNORE INTO incident_articles (incident_id, article_id, "
            "added_at) VALUES (?, ?, ?)",
            [incident_id, article_id, now()],
        )
        if cur.rowcount:
            added.append(article_id)
    return added


def _conflict(db: sqlite_utils.Database, incident_id: int, row: dict) -> ConflictError:
    last = latest(db, "incident", incident_id) or {}
    who = f" by {last.get('reviewer')} ({last.get('action')}, {last.get('at')})" if last else ""
    return ConflictError(
        f"incident {incident_id} was changed{who}", current={**row, "last_decision": last}
    )


def checked(db: sqlite_utils.Database, incident_id: int, version: int | None) -> dict:
    """The current row, or a ConflictError when its version is not ``version``."""
    row = current(db, incident_id)
    if row is None:
        raise ReviewError(N_("no incident %(id)s"), id=incident_id)
    if version is not None and int(row["version"]) != int(version):
        raise _conflict(db, incident_id, row)
    return row


def edit(
    db: sqlite_utils.Database, incident_id: int, *, reviewer: str, version: int, changes: dict
) -> int:
    """Change facets of an incident saved at ``version``; returns the new version."""
    with write(db):
        row = checked(db, incident_id, version)
        changes = {
            k: v for k, v in changes.items() if k in (*EDITABLE, "ongoing") and row.get(k) != v
        }
        if "case_status" in changes:
            changes["status"] = changes["case_status"] or "reported"
        sets = {**encode(changes), "updated_at": now(), "version": row["version"] + 1}
        db["incidents"].update(incident_id, sets)
        log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=incident_id,
            action="edit",
            before={k: row.get(k) for k in changes} | {"version": row["version"]},
            after=changes | {"version": sets["version"]},
        )
        return int(sets["version"])


def add_development(
    db: sqlite_utils.Database,
    incident_id: int,
    *,
    reviewer: str,
    status: str,
    date: str,
    note: str = "",
    article_id: int | None = None,
    candidate_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add a step to the incident's timeline; the incident takes its status. Returns its id."""
    if status not in DEVELOPMENT_STATUSES:
        raise ReviewError(
            N_("unknown development status %(status)s; one of %(statuses)s"),
            status=repr(status),
            statuses=", ".join(DEVELOPMENT_STATUSES),
        )
    with write(db):
        row = checked(db, incident_id, version)
        dev_id = int(
            cast(
                int,
                db["developments"]
                .insert(
                    {
                        "incident_id": incident_id,
                        "status": status,
                        "date": date,
                        "note": note,
                        "article_id": article_id,
                        "candidate_id": candidate_id,
                        "created_by": reviewer,
                        "created_at": now(),
                    }
                )
                .last_pk,
            )
        )
        if article_id:
            add_articles(db, incident_id, [article_id])
        db["incidents"].update(
            incident_id,
            {
                "status": status,
                "case_status": status,
                "ongoing": int(status != "closed"),
                "updated_at": now(),
                "version": row["version"] + 1,
            },
        )
        log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=incident_id,
            action="development",
            before={"status": row["status"], "version": row["version"]},
            after={
                "development_id": dev_id,
                "status": status,
                "date": date,
                "note": note,
                "version": row["version"] + 1,
            },
        )
        return dev_id


def delete_unchanged(db: sqlite_utils.Database, incident_id: int, version: int) -> None:
    """Remove an incident created by a decision being undone (only if nobody changed it)."""
    checked(db, incident_id, version)
    db.execute("DELETE FROM developments WHERE incident_id = ?", [incident_id])
    db.execute("DELETE FROM incident_articles WHERE incident_id = ?", [incident_id])
    db.execute("DELETE FROM incidents WHERE id = ?", [incident_id])


def export_rows(db: sqlite_utils.Database, filters: IncidentFilter | None = None) -> Iterator[dict]:
    """Flat rows for CSV/JSON export: facets as JSON text, source URLs joined; redacted."""
    from storage.redactions import Redactor

    redactor = Redactor.of(db)
    for row in list_incidents(db, filters, limit=None):
        urls = [
            r[0]
            for r in db.execute(
                "SELECT a.url FROM incident_articles ia JOIN articles a ON a.id = ia.article_id "
                "WHERE ia.incident_id = ? ORDER BY a.published_at",
                [row["id"]],
            )
        ]
        flat = {k: (dumps(v) if k in JSON_FIELDS else v) for k, v in row.items()}
        flat["sources"] = " ".join(urls)
        yield redactor.value(flat)
