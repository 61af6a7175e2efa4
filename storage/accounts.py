"""The accounts database: reviewers' password hashes and live sessions, kept out of the archive.

The archive is served to analysts (``presswatch archive serve``, Datasette with custom SQL), so
nothing secret lives in it. Accounts sit in a sibling file, ``<archive>-accounts.db``, created by
migration ``m010_accounts_database`` with owner-only permissions; only the review app and the
``presswatch reviewers`` commands open it.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from storage.archive import connect
from storage.errors import ArchiveError


def accounts_path(archive: Path | str) -> Path:
    """Where the accounts of the archive at ``archive`` live: ``data/presswatch-accounts.db``."""
    archive = Path(archive)
    return archive.with_name(f"{archive.stem}-accounts{archive.suffix or '.db'}")


def archive_file(db: sqlite_utils.Database) -> Path:
    """The file behind an archive connection (its ``main`` schema)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    raise ArchiveError("an in-memory archive has no accounts database")


def open_accounts(
    archive: sqlite_utils.Database | Path | str, *, readonly: bool = False
) -> sqlite_utils.Database:
    """The accounts database of an archive (a connection or its path); it must exist."""
    path = archive if isinstance(archive, (str, Path)) else archive_file(archive)
    target = accounts_path(path)
    if not target.exists():
        raise ArchiveError(f"no accounts database at {target}; run `presswatch init`")
    return connect(target, readonly=readonly, create=False)


def accounts_of(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """``db`` itself when it is an accounts database; for an archive, its accounts database
    (so a caller that hands the archive, as before m010, still reaches the accounts)."""
    if db["_migrations"].exists():
        return open_accounts(db)
    return db


def create_accounts(path: Path) -> sqlite_utils.Database:
    """Create (or open) the accounts file with owner-only permissions."""
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    return connect(path)
