"""Decisions on candidates: accept (with edits), reject, merge, second source, skip, undo.

Each decision checks the candidate's ``version`` (optimistic concurrency: a stale version raises
:class:`storage.errors.ConflictError` carrying the current row and the decision that changed
it), changes the rows and writes the audit log, all in one ``write(db)`` transaction.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from presswatch.locales import N_
from storage import incidents
from storage.archive import write
from storage.candidates import current
from storage.clock import now
from storage.decisions import last_undoable, latest, log
from storage.errors import ConflictError, ReviewError
from storage.facets import EDITABLE

OPEN = ("pending", "second_source", "skipped")


def _checked(db: sqlite_utils.Database, candidate_id: int, version: int) -> dict:
    row = current(db, candidate_id)
    if row is None:
        raise ReviewError(N_("no candidate %(id)s"), id=candidate_id)
    if int(row["version"]) != int(version):
        last = latest(db, "candidate", candidate_id) or {}
        who = f" by {last.get('reviewer')} ({last.get('action')}, {last.get('at')})" if last else ""
        raise ConflictError(
            f"candidate {candidate_id} was changed{who}", current={**row, "last_decision": last}
        )
    return row


def _open(db: sqlite_utils.Database, candidate_id: int, version: int) -> dict:
    row = _checked(db, candidate_id, version)
    if row["status"] not in OPEN:
        raise ReviewError(
            N_("candidate %(id)s is already %(status)s; undo it first"),
            id=candidate_id,
            status=row["status"],
        )
    return row


def _set(db: sqlite_utils.Database, row: dict, status: str, incident_id: int | None) -> int:
    version = int(row["version"]) + 1
    db.execute(
        "UPDATE candidates SET status = ?, incident_id = ?, version = ?, updated_at = ?, "
        "claimed_by = NULL, claimed_at = NULL WHERE id = ?",
        [status, incident_id, version, now(), row["id"]],
    )
    return version


def _article_ids(db: sqlite_utils.Database, candidate_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT article_id FROM candidate_articles WHERE candidate_id = ? ORDER BY article_id",
            [candidate_id],
        )
    ]


def _record(
    db: sqlite_utils.Database,
    row: dict,
    reviewer: str,
    action: str,
    after: dict,
    reason: str | None = None,
) -> None:
    before = {"status": row["status"], "version": row["version"], "incident_id": row["incident_id"]}
    log(
        db,
        reviewer=reviewer,
        target_type="candidate",
        target_id=row["id"],
        action=action,
        before=before,
        after=after,
        reason=reason,
    )


def accept(
    db: sqlite_utils.Database,
    candidate_id: int,
    *,
    reviewer: str,
    version: int,
    edits: dict[str, Any] | None = None,
) -> int:
    """Accept the candidate as a new incident, with the reviewer's edits; returns its id."""
    with write(db):
        row = _open(db, candidate_id, version)
        edits = {k: v for k, v in (edits or {}).items() if k in EDITABLE and row.get(k) != v}
        facets = {**row, **edits}
        incident_id = incidents.create(db, facets, reviewer, _article_ids(db, candidate_id))
        new_version = _set(db, row, "accepted", incident_id)
        _record(
            db,
            row,
            reviewer,
            "accept",
            {
                "status": "accepted",
                "version": new_version,
                "incident_id": incident_id,
                "edits": edits,
            },
        )
        log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=incident_id,
            action="create",
            after={
                "candidate_id": candidate_id,
                "category": facets["category"],
                "edits": edits,
                "version": 1,
            },
        )
        return incident_id


def reject(
    db: sqlite_utils.Database, candidate_id: int, *, reviewer: str, version: int, reason: str
) -> None:
    if not reason.strip():
        raise ReviewError(N_("a rejection needs a reason"))
    _simple(db, candidate_id, reviewer, version, "reject", "rejected", reason.strip())


def second_source(
    db: sqlite_utils.Database,
    candidate_id: int,
    *,
    reviewer: str,
    version: int,
    reason: str | None = None,
) -> None:
    _simple(db, candidate_id, reviewer, version, "second_source", "second_source", reason)


def skip(db: sqlite_utils.Database, candidate_id: int, *, reviewer: str, version: int) -> None:
    _simple(db, candidate_id, reviewer, version, "skip", "skipped", None)


def _simple(
    db: sqlite_utils.Database,
    candidate_id: int,
    reviewer: str,
    version: int,
    action: str,
    status: str,
    reason: str | None,
) -> None:
    with write(db):
        row = _open(db, candidate_id, version)
        new_version = _set(db, row, status, None)
        _record(db, row, reviewer, action, {"status": status, "version": new_version}, reason)


def merge(
    db: sqlite_utils.Database,
    candidate_id: int,
    *,
    reviewer: str,
    version: int,
    incident_id: int,
    development: dict | None = None,
) -> int:
    """Add the candidate's sources to an incident, optionally with a new development
    (``{"status", "date", "note"}``). Returns the incident id."""
    with write(db):
        row = _open(db, candidate_id, version)
        target = incidents.checked(db, incident_id, None)
        added = incidents.add_articles(db, incident_id, _article_ids(db, candidate_id))
        dev_id = None
        if development and development.get("status"):
            dev_id = incidents.add_development(
                db,
                incident_id,
                reviewer=reviewer,
                status=development["status"],
                date=development.get("date") or row.get("event_date") or now()[:10],
                note=development.get("note") or "",
                candidate_id=candidate_id,
            )
        new_version = _set(db, row, "merged", incident_id)
        inc_version = incidents.checked(db, incident_id, None)["version"]
        after = {
            "status": "merged",
            "version": new_version,
            "incident_id": incident_id,
            "added_articles": added,
            "development_id": dev_id,
            "incident_before": {k: target[k] for k in ("status", "case_status", "ongoing")},
            "incident_version": inc_version,
        }
        _record(db, row, reviewer, "merge", after)
        log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=incident_id,
            action="merge",
            after={"candidate_id": candidate_id, "added_articles": added, "development_id": dev_id},
        )
        return incident_id


def _unmerge(db: sqlite_utils.Database, after: dict) -> None:
    incident_id = after["incident_id"]
    for article_id in after.get("added_articles") or []:
        db.execute(
            "DELETE FROM incident_articles WHERE incident_id = ? AND article_id = ?",
            [incident_id, article_id],
        )
    if after.get("development_id"):
        row = incidents.checked(db, incident_id, after["incident_version"])
        db.execute("DELETE FROM developments WHERE id = ?", [after["development_id"]])
        db["incidents"].update(
            incident_id,
            {**after["incident_before"], "updated_at": now(), "version": row["version"] + 1},
        )


def undo(db: sqlite_utils.Database, reviewer: str) -> dict | None:
    """Undo the reviewer's last candidate decision; ``None`` when there is nothing to undo.

    Raises ConflictError when the candidate (or the incident the decision created or changed)
    was changed by someone since.
    """
    with write(db):
        last = last_undoable(db, reviewer)
        if last is None:
            return None
        row = _checked(db, last["target_id"], last["after"]["version"])
        before, after = last["before"], last["after"]
        new_version = _set(db, row, before["status"], before.get("incident_id"))
        if last["action"] == "accept":
            incidents.delete_unchanged(db, after["incident_id"], 1)
        elif last["action"] == "merge":
            _unmerge(db, after)
        _record(
            db,
            row,
            reviewer,
            "undo",
            {
                "undoes": last["id"],
                "undone": last["action"],
                "status": before["status"],
                "version": new_version,
            },
        )
        if after.get("incident_id"):
            log(
                db,
                reviewer=reviewer,
                target_type="incident",
                target_id=after["incident_id"],
                action="undo",
                after={"undoes": last["id"], "undone": last["action"]},
            )
        return {"candidate_id": row["id"], "undone": last["action"], "status": before["status"]}
