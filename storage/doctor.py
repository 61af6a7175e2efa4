"""Health checks of an archive: integrity, migrations applied, full-text index in sync, no run
left ``running`` by a process that is gone, and its accounts database."""

from __future__ import annotations

import stat
from dataclasses import dataclass

import sqlite_utils

from storage.accounts import accounts_path, archive_file
from storage.archive import archive_errors, connect
from storage.errors import ArchiveError
from storage.migrations import accounts_behind, applied, pending
from storage.runs import interrupt_abandoned, interrupted_runs


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


def check_runs(db: sqlite_utils.Database) -> Check:
    """Runs left ``running`` by a process that is gone are marked ``interrupted`` (a finding);
    runs interrupted earlier are listed (their pending work resumes at the next run)."""
    if "pid" not in db["runs"].columns_dict:
        return Check("runs", True, "not checked (run init)")
    gone = interrupt_abandoned(db)
    if gone:
        ids = ", ".join(f"#{r['id']} {r['kind']} (pid {r.get('pid')})" for r in gone)
        return Check(
            "runs", False, f"process gone, marked interrupted: {ids}; the next run resumes it"
        )
    earlier = interrupted_runs(db, 3)
    if earlier:
        ids = ", ".join(f"#{r['id']} {r['kind']}" for r in earlier)
        return Check("runs", True, f"none left running; last interrupted: {ids}")
    return Check("runs", True, "none left running, none interrupted")


def check_accounts(db: sqlite_utils.Database) -> Check:
    """The accounts database beside the archive (password hashes, sessions): present, readable,
    owner-only (no group or world bits), its schema up to date."""
    try:
        path = accounts_path(archive_file(db))
    except ArchiveError:
        return Check("accounts", True, "not checked (in-memory archive)")
    if not path.is_file():
        return Check("accounts", False, f"missing: {path}; run `presswatch init`")
    try:
        with archive_errors(path):
            accounts = connect(path, readonly=True)
            try:
                missing = accounts_behind(accounts)
            finally:
                accounts.close()
    except (ArchiveError, OSError) as exc:
        return Check("accounts", False, f"unreadable: {path}: {str(exc).splitlines()[0]}")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Check(
            "accounts",
            False,
            f"{path} is mode {mode:04o}: it holds password hashes, make it owner-only "
            f"(chmod 600 {path})",
        )
    if missing:
        lacks = ", ".join(missing)
        return Check("accounts", False, f"schema behind: lacks {lacks}; run `presswatch init`")
    return Check("accounts", True, f"{path.name}: owner-only ({mode:04o}), schema up to date")


def diagnose(db: sqlite_utils.Database) -> list[Check]:
    with archive_errors():
        return [
            check_integrity(db),
            check_migrations(db),
            check_fts(db),
            check_orphans(db),
            check_runs(db),
            check_accounts(db),
        ]
