"""Opening the archive: one SQLite file, WAL, busy timeout, short immediate writes."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from storage.errors import (
    ArchiveCorrupt,
    ArchiveError,
    ArchiveLocked,
    ArchiveReadOnly,
)

DEFAULT_DB = Path("data") / "presswatch.db"
BUSY_TIMEOUT_MS = 15_000


def busy_timeout_ms() -> int:
    """How long a writer waits for the lock: ``$PRESSWATCH_BUSY_TIMEOUT_MS`` or 15 s."""
    return int(os.environ.get("PRESSWATCH_BUSY_TIMEOUT_MS") or BUSY_TIMEOUT_MS)


def default_db_path() -> Path:
    """The archive path: ``$PRESSWATCH_DB`` or ``./data/presswatch.db``."""
    return Path(os.environ.get("PRESSWATCH_DB") or DEFAULT_DB)


def translate(exc: sqlite3.Error, path: Path | str = "") -> ArchiveError:
    """Turn a sqlite3 error into a named archive error with a one-line message."""
    msg = str(exc)
    where = f" ({path})" if path else ""
    if "locked" in msg or "busy" in msg:
        return ArchiveLocked(f"archive is locked by another process{where}: {msg}")
    if "readonly" in msg or "read-only" in msg:
        return ArchiveReadOnly(f"archive is read-only{where}: {msg}")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return ArchiveCorrupt(f"archive file is damaged or not a SQLite database{where}: {msg}")
    if "unable to open" in msg:
        return ArchiveError(f"cannot open archive{where}: {msg}")
    return ArchiveError(f"archive error{where}: {msg}")


@contextlib.contextmanager
def archive_errors(path: Path | str = "") -> Iterator[None]:
    """Re-raise sqlite3 errors inside the block as named archive errors."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def connect(
    path: Path | str, *, readonly: bool = False, create: bool = True, timeout_ms: int | None = None
) -> sqlite_utils.Database:
    """Open the archive with WAL and a busy timeout; the connection is in autocommit mode
    and every write goes through :func:`write` (``BEGIN IMMEDIATE``)."""
    path = Path(path)
    if not path.exists():
        if readonly or not create:
            raise ArchiveError(f"no archive at {path}; run `presswatch init` first")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ArchiveReadOnly(
                    f"cannot create directory {path.parent}: {exc.strerror}"
                ) from exc
    uri = f"file:{path}?mode=ro" if readonly else str(path)
    timeout_ms = busy_timeout_ms() if timeout_ms is None else timeout_ms
    with archive_errors(path):
        conn = sqlite3.connect(
            uri,
            uri=readonly,
            timeout=timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        db = sqlite_utils.Database(conn)
        conn.execute(f"PRAGMA busy_timeout={timeout_ms}")
        conn.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal" and path.exists() and path.stat().st_size:
                raise ArchiveError(f"cannot switch {path} to WAL (journal_mode={mode})")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return db


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A short write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``; nested calls use savepoints.

    Everything inside commits together or not at all, so a crash never leaves a half-written row.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    with archive_errors():
        db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        with archive_errors():
            db.conn.execute("COMMIT")
