"""Exports of a table or a read-only query as CSV, JSON or JSON lines, streamed; redacted people
and passages (``storage/redactions.py``) are replaced in every text cell."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

import sqlite_utils

from storage.archive import archive_errors
from storage.errors import ArchiveError
from storage.redactions import Redactor

FORMATS = ("csv", "json", "jsonl")


def rows_of_table(db: sqlite_utils.Database, table: str) -> Iterator[dict[str, Any]]:
    if table not in db.table_names() and table not in db.view_names():
        raise ArchiveError(f"no table {table!r}; tables: {', '.join(db.table_names())}")
    redactor = Redactor.of(db)
    with archive_errors():
        yield from redactor.rows(db[table].rows)


def rows_of_query(
    db: sqlite_utils.Database, sql: str, params: Any = None
) -> Iterator[dict[str, Any]]:
    """Rows of a query; the statement must be read-only (checked by SQLite, not by parsing)."""
    redactor = Redactor.of(db)
    db.conn.set_authorizer(_read_only)
    try:
        with archive_errors():
            yield from redactor.rows(db.query(sql, params or []))
    except ArchiveError as exc:
        if "not authorized" in str(exc):
            raise ArchiveError("export --query runs read-only statements only") from exc
        raise
    finally:
        db.conn.set_authorizer(None)


def _read_only(action: int, *args: Any) -> int:
    allowed = {
        sqlite3.SQLITE_SELECT,
        sqlite3.SQLITE_READ,
        sqlite3.SQLITE_FUNCTION,
        sqlite3.SQLITE_RECURSIVE,
        sqlite3.SQLITE_SAVEPOINT,  # sqlite-utils wraps each query in one; it writes nothing
    }
    return sqlite3.SQLITE_OK if action in allowed else sqlite3.SQLITE_DENY


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def write_rows(rows: Iterator[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write rows in a format; returns the number written. Bytes columns become a size note."""
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    count = 0
    writer = None
    if fmt == "json":
        out.write("[")
    for row in rows:
        row = {k: _plain(v) for k, v in row.items()}
        if fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        elif fmt == "json":
            out.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        else:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count
