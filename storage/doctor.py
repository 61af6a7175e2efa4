"""Health checks of an archive: integrity, migrations applied, full-text index in sync."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from storage.archive import archive_errors
from storage.migrations import applied, pending


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_integrity(db: sqlite_utils.Database) -> Check:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    return Check("integrity", rows == ["ok"], "ok" if rows == ["ok"] else "; ".join(rows[:5]))


def check_migrations(db: sqlite_utils.Database) -> Check:
    todo = pending(db)
    done = len(applied(db))
    if todo:
        return Check("migrations", False, f"{done} applied, pending: {', '.join(todo)} (run init)")
    return Check("migrations", True, f"{done} applied, none pending")


def check_fts(db: sqlite_utils.Database) -> Check:
    if not db["articles_fts"].exists():
        return Check("fts", False, "articles_fts is missing")
    try:
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")
    except Exception as exc:  # noqa: BLE001 - reported as a finding, not raised
        return Check("fts", False, f"full-text index out of sync with articles: {exc}")
    n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_docs = db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
    if n_articles != n_docs:
        return Check("fts", False, f"{n_articles} articles but {n_docs} indexed")
    return Check("fts", True, f"{n_articles} articles indexed")


def check_orphans(db: sqlite_utils.Database) -> Check:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    if rows:
        return Check("foreign keys", False, f"{len(rows)} rows point at missing parents")
    return Check("foreign keys", True, "no dangling references")


def diagnose(db: sqlite_utils.Database) -> list[Check]:
    with archive_errors():
        return [check_integrity(db), check_migrations(db), check_fts(db), check_orphans(db)]
