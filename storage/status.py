"""Archive status: counts per table, last runs, size on disk."""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from storage.runs import last_runs

HIDDEN_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    names = [
        t for t in db.table_names() if not t.endswith(HIDDEN_SUFFIXES) and not t.startswith("_")
    ]
    return {t: int(db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]) for t in names}


def size_bytes(path: Path | str) -> int:
    path = Path(path)
    return sum(
        os.path.getsize(p) for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
    )


def status(db: sqlite_utils.Database, path: Path | str) -> dict:
    return {
        "path": str(path),
        "size_bytes": size_bytes(path),
        "tables": counts(db),
        "last_runs": last_runs(db, 5),
    }
