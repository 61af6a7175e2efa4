"""Runs: what each pipeline run did, per source and per failure."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from storage.archive import write
from storage.clock import now
from storage.process import owner_alive, this_process


def start_run(db: sqlite_utils.Database, kind: str) -> int:
    """Open a run owned by this process; runs left ``running`` by a process that is gone are
    marked ``interrupted`` first (their pending work is what this run picks up)."""
    interrupt_abandoned(db)
    with write(db):
        return int(
            db["runs"]
            .insert(
                {"kind": kind, "started_at": now(), "status": "running", **this_process()},
                alter=True,
            )
            .last_pk
            or 0
        )


def interrupt_abandoned(db: sqlite_utils.Database) -> list[dict]:
    """Mark ``interrupted`` every ``running`` run whose process is gone; returns those runs."""
    gone = [r for r in running_runs(db) if not owner_alive(r)]
    for run in gone:
        who = f"process {run.get('pid')} on {run.get('host')}" if run.get("pid") else "its process"
        interrupt_run(db, run["id"], f"interrupted: {who} is gone (killed or crashed)")
    return gone


def interrupt_run(db: sqlite_utils.Database, run_id: int, summary: str, stats: Any = None) -> None:
    """Close a run that did not finish (a signal, a kill); its pending work resumes next run."""
    with write(db):
        db.execute(
            "UPDATE runs SET status = 'interrupted', finished_at = ?, summary = ?, "
            "stats = coalesce(?, stats) WHERE id = ? AND status = 'running'",
            [now(), summary, json.dumps(stats, default=str) if stats else None, run_id],
        )


def interrupt_own_runs(db: sqlite_utils.Database, summary: str) -> list[int]:
    """Mark ``interrupted`` the runs this process left ``running``; their ids."""
    pid = this_process()["pid"]
    ids = [r["id"] for r in running_runs(db) if r.get("pid") == pid]
    for run_id in ids:
        interrupt_run(db, run_id, summary)
    return ids


def running_runs(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM runs WHERE status = 'running' ORDER BY id"))


def interrupted_runs(db: sqlite_utils.Database, limit: int = 5) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM runs WHERE status = 'interrupted' ORDER BY id DESC LIMIT ?", [limit]
        )
    )


def finish_run(
    db: sqlite_utils.Database, run_id: int, status: str, summary: str = "", stats: Any = None
) -> None:
    with write(db):
        db["runs"].update(
            run_id,
            {
                "finished_at": now(),
                "status": status,
                "summary": summary,
                "stats": json.dumps(stats or {}, ensure_ascii=False, default=str),
            },
        )


def record_source_run(db: sqlite_utils.Database, **row: Any) -> int:
    """One source's result in one run: status ok|failed, items, pages, errors, reason."""
    row.setdefault("finished_at", now())
    row.setdefault("started_at", row["finished_at"])
    with write(db):
        return int(db["source_runs"].insert(row).last_pk or 0)


def sources_recorded(db: sqlite_utils.Database, run_id: int, names: list[str]) -> dict[str, dict]:
    """The results already recorded in run ``run_id`` for the sources ``names`` (the last one
    of each): ``{source: {status, items, pages, errors, reason}}``."""
    rows = db.query(
        "SELECT source, status, items, pages, errors, reason FROM source_runs "
        "WHERE run_id = ? ORDER BY id",
        [run_id],
    )
    wanted = set(names)
    return {r.pop("source"): r for r in rows if r["source"] in wanted}


def record_failure(
    db: sqlite_utils.Database,
    *,
    source: str | None,
    stage: str,
    kind: str,
    reason: str,
    url: str | None = None,
    run_id: int | None = None,
) -> int:
    with write(db):
        return int(
            db["failures"]
            .insert(
                {
                    "run_id": run_id,
                    "source": source,
                    "url": url,
                    "stage": stage,
                    "kind": kind,
                    "reason": reason[:2000],
                    "at": now(),
                }
            )
            .last_pk
            or 0
        )


def error_reason(exc: BaseException) -> str:
    """The one-line reason recorded for an article that failed a stage: ``"Type: message"``."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


def record_article_failure(
    db: sqlite_utils.Database,
    article: dict,
    stage: str,
    exc: BaseException,
    run_id: int | None = None,
) -> str:
    """Record why one article failed a stage (tag, detect…); returns the one-line reason."""
    return record_article_error(db, article, stage, error_reason(exc), run_id)


def record_article_error(
    db: sqlite_utils.Database,
    article: dict,
    stage: str,
    reason: str,
    run_id: int | None = None,
) -> str:
    """Record an article failure whose reason (``"Type: message"``, from :func:`error_reason`)
    was produced elsewhere, e.g. by a Dask worker; returns the one-line reason."""
    reason = reason.splitlines()[0][:300] if reason else "Exception"
    record_failure(
        db,
        source=article.get("source"),
        url=article.get("url"),
        stage=stage,
        kind=reason.split(":", 1)[0],
        reason=reason,
        run_id=run_id,
    )
    return reason


def last_runs(db: sqlite_utils.Database, limit: int = 5) -> list[dict]:
    return list(db.query("SELECT * FROM runs ORDER BY id DESC LIMIT ?", [limit]))


def failures(db: sqlite_utils.Database, run_id: int | None = None) -> list[dict]:
    if run_id is None:
        return list(db.query("SELECT * FROM failures ORDER BY id"))
    return list(db.query("SELECT * FROM failures WHERE run_id = ? ORDER BY id", [run_id]))
