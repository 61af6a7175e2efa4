"""Frozen monthly reports: the rendered text and the incident ids behind every figure."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from storage.archive import archive_errors, write
from storage.clock import now


def latest_report(db: sqlite_utils.Database, month: str, lang: str | None = None) -> dict | None:
    """The last published report of a month (in a language, if given), figures decoded."""
    sql = "SELECT * FROM reports WHERE month = ?" + (" AND lang = ?" if lang else "")
    sql += " ORDER BY id DESC LIMIT 1"
    with archive_errors():
        rows = list(db.query(sql, [month, lang] if lang else [month]))
    if not rows:
        return None
    row = rows[0]
    row["figures"] = json.loads(row["figures"] or "{}")
    return row


def save_report(
    db: sqlite_utils.Database, month: str, lang: str, body: str, figures: dict[str, Any]
) -> tuple[int, bool]:
    """Store a published report; returns ``(id, created)``. Publishing the same body and
    figures again is a no-op that returns the existing row."""
    encoded = json.dumps(figures, ensure_ascii=False, sort_keys=True)
    with write(db):
        last = latest_report(db, month, lang)
        same = (
            last
            and last["body"] == body
            and json.dumps(last["figures"], ensure_ascii=False, sort_keys=True) == encoded
        )
        if same:
            assert last is not None  # ``same`` implies a last report
            return int(last["id"]), False
        row = {
            "month": month,
            "lang": lang,
            "published_at": now(),
            "body": body,
            "figures": encoded,
        }
        pk = db["reports"].insert(row).last_pk
        assert pk is not None  # set by the insert
        return int(pk), True
