"""The append-only audit log: who decided or edited what, when, with the row before and after.

Writers call :func:`log` inside the same ``write(db)`` transaction as the change it records, so
a change and its log entry commit together or not at all. The table's triggers refuse UPDATE
and DELETE; an undo is a new entry (``action="undo"``, ``after.undoes`` = the entry undone).
"""

from __future__ import annotations

import json
from typing import Any, cast

import sqlite_utils

from storage.clock import now
from storage.facets import dumps

UNDOABLE = ("accept", "reject", "merge", "second_source", "skip")


def log(
    db: sqlite_utils.Database,
    *,
    reviewer: str,
    target_type: str,
    target_id: int,
    action: str,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
) -> int:
    row = {
        "at": now(),
        "reviewer": reviewer,
        "target_type": target_type,
        "target_id": target_id,
        "action": action,
        "reason": reason,
        "before": dumps(before) if before is not None else None,
        "after": dumps(after) if after is not None else None,
    }
    return int(cast(int, db["decisions"].insert(row).last_pk))


def _decoded(row: dict) -> dict:
    row = dict(row)
    for key in ("before", "after"):
        row[key] = json.loads(row[key]) if row[key] else None
    return row


def history(db: sqlite_utils.Database, target_type: str, target_id: int) -> list[dict]:
    """Every entry about one candidate or incident, oldest first."""
    rows = db.query(
        "SELECT * FROM decisions WHERE target_type = ? AND target_id = ? ORDER BY id",
        [target_type, target_id],
    )
    return [_decoded(r) for r in rows]


def latest(db: sqlite_utils.Database, target_type: str, target_id: int) -> dict | None:
    rows = list(
        db.query(
            "SELECT * FROM decisions WHERE target_type = ? AND target_id = ? "
            "ORDER BY id DESC LIMIT 1",
            [target_type, target_id],
        )
    )
    return _decoded(rows[0]) if rows else None


def last_undoable(db: sqlite_utils.Database, reviewer: str) -> dict | None:
    """The reviewer's most recent candidate decision that has not been undone yet."""
    marks = ",".join("?" * len(UNDOABLE))
    rows = list(
        db.query(
            f"SELECT * FROM decisions d WHERE reviewer = ? AND target_type = 'candidate' "
            f"AND action IN ({marks}) AND NOT EXISTS (SELECT 1 FROM decisions u WHERE "
            "u.reviewer = d.reviewer AND u.action = 'undo' AND u.id > d.id "
            "AND json_extract(u.after, '$.undoes') = d.id) ORDER BY id DESC LIMIT 1",
            [reviewer, *UNDOABLE],
        )
    )
    return _decoded(rows[0]) if rows else None


def recent(db: sqlite_utils.Database, limit: int = 50, reviewer: str | None = None) -> list[dict]:
    where, params = ("WHERE reviewer = ?", [reviewer]) if reviewer else ("", [])
    rows = db.query(f"SELECT * FROM decisions {where} ORDER BY id DESC LIMIT ?", [*params, limit])
    return [_decoded(r) for r in rows]
