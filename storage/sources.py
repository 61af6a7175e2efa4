"""Sources in the archive: the registry as loaded, and each source's health over runs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from storage.archive import write
from storage.clock import now

DEFAULT_RHYTHM_HOURS = 24.0


def upsert_sources(db: sqlite_utils.Database, sources: Iterable[dict[str, Any]]) -> int:
    """Insert or replace source rows keyed by name; returns how many were written."""
    stamp = now()
    rows = []
    for s in sources:
        rows.append(
            {
                "name": s["name"],
                "outlet": s.get("outlet"),
                "kind": s["kind"],
                "lang": s.get("lang"),
                "start_urls": json.dumps(s.get("start_urls", [])),
                "config": json.dumps(s, ensure_ascii=False, default=str),
                "enabled": int(bool(s.get("enabled", True))),
                "line": s.get("line"),
                "loaded_at": stamp,
            }
        )
    with write(db):
        db["sources"].upsert_all(rows, pk="name")
    return len(rows)


def list_sources(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM sources ORDER BY name"))


def _hours_since(stamp: str | None, at: dt.datetime) -> float | None:
    if not stamp:
        return None
    when = dt.datetime.fromisoformat(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (at - when).total_seconds() / 3600


def health(db: sqlite_utils.Database, at: dt.datetime | None = None) -> list[dict]:
    """Per source: last success, consecutive failures, mean items per run, silence alarm.

    A source is *silent* when its last new item is older than three times its usual rhythm
    (``rhythm_hours`` in the source entry, else 24 h) — the desk's "silent for 3 days" alarm.
    """
    at = at or dt.datetime.now(dt.UTC)
    out = []
    for src in list_sources(db):
        runs = list(
            db.query(
                "SELECT status, items, finished_at, reason FROM source_runs WHERE source = ? "
                "ORDER BY id DESC LIMIT 50",
                [src["name"]],
            )
        )
        fails = 0
        for r in runs:
            if r["status"] == "ok":
                break
            fails += 1
        ok = [r for r in runs if r["status"] == "ok"]
        with_items = [r for r in ok if (r["items"] or 0) > 0]
        config = json.loads(src["config"] or "{}")
        rhythm = float(config.get("rhythm_hours") or DEFAULT_RHYTHM_HOURS)
        last_item = with_items[0]["finished_at"] if with_items else None
        silence = _hours_since(last_item, at)
        out.append(
            {
                "name": src["name"],
                "kind": src["kind"],
                "enabled": bool(src["enabled"]),
                "last_success": ok[0]["finished_at"] if ok else None,
                "consecutive_failures": fails,
                "last_error": runs[0]["reason"] if runs and runs[0]["status"] != "ok" else None,
                "items_per_run": round(sum(r["items"] or 0 for r in ok) / len(ok), 1)
                if ok
                else 0.0,
                "runs": len(runs),
                "silent": bool(runs) and (silence is None or silence > 3 * rhythm),
                "hours_since_new_item": None if silence is None else round(silence, 1),
            }
        )
    return out
