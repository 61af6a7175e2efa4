"""Backups through SQLite's online backup API, verified with ``integrity_check``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from storage.archive import archive_errors
from storage.errors import ArchiveCorrupt, ArchiveError


def backup(db: sqlite_utils.Database, dest: Path | str) -> Path:
    """Copy the live archive to ``dest`` (a consistent snapshot even while others write)."""
    dest = Path(dest)
    if dest.exists():
        raise ArchiveError(f"backup destination {dest} exists; choose a new file")
    if not dest.parent.exists():
        raise ArchiveError(f"backup directory {dest.parent} does not exist")
    tmp = dest.with_name(dest.name + ".partial")
    with archive_errors(dest):
        target = sqlite3.connect(tmp)
        try:
            db.conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    problems = integrity(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise ArchiveCorrupt(f"backup failed its integrity check: {problems[0]}")
    tmp.rename(dest)
    return dest


def integrity(path: Path | str) -> list[str]:
    """Problems ``PRAGMA integrity_check`` reports for a file; ``[]`` when healthy."""
    with archive_errors(path):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    return [] if rows == ["ok"] else rows
