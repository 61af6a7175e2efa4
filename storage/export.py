"""Exports of a table or a read-only query as CSV, JSON or JSON lines, streamed; redacted people
and passages (``storage/redactions.py``) are replaced in every text cell."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

import sqlite_utils

from storage.archive import archive_errors
from storage.errors import ArchiveError, QueryRefused
from storage.redactions import Redactor

FORMATS = ("csv", "json", "jsonl")
READ_STATEMENTS = ("SELECT", "WITH", "VALUES")
READ_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE})
DENIED_FUNCTIONS = frozenset({"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"})
READ_PRAGMAS = frozenset(
    {
        "table_info",
        "table_xinfo",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "data_version",
    }
)


def rows_of_table(db: sqlite_utils.Database, table: str) -> Iterator[dict[str, Any]]:
    if table not in db.table_names() and table not in db.view_names():
        raise ArchiveError(f"no table {table!r}; tables: {', '.join(db.table_names())}")
    redactor = Redactor.of(db)
    with archive_errors():
        yield from redactor.rows(db[table].rows)


def rows_of_query(
    db: sqlite_utils.Database, sql: str, params: Any = None
) -> Iterator[dict[str, Any]]:
    """Rows of one read-only statement (``SELECT``, ``WITH``, ``VALUES``). SQLite's authorizer
    refuses writes, ``ATTACH`` (so ``VACUUM INTO``), pragmas other than schema introspection and
    ``load_extension``. A refused statement raises :class:`QueryRefused` at once, before any
    output is opened; the rows are then streamed."""
    first = _first_word(sql)
    if first not in READ_STATEMENTS:
        raise QueryRefused(
            f"export --query runs read-only SELECT statements only, not {first or 'an empty query'}"
        )
    redactor = Redactor.of(db)
    db.conn.execute("PRAGMA query_only = ON")  # and SQLite itself writes nothing meanwhile
    db.conn.set_authorizer(_read_only)  # consulted when the statement is prepared
    try:
        cursor = _execute(db, sql, params)
    except BaseException:
        db.conn.set_authorizer(None)
        db.conn.execute("PRAGMA query_only = OFF")
        raise
    db.conn.set_authorizer(None)
    return redactor.rows(_rows(db, cursor))


def _rows(db: sqlite_utils.Database, cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description or ()]
    try:
        with archive_errors():
            for row in cursor:
                yield dict(zip(names, row, strict=True))
    finally:
        db.conn.execute("PRAGMA query_only = OFF")


def _execute(db: sqlite_utils.Database, sql: str, params: Any) -> sqlite3.Cursor:
    try:
        return db.conn.execute(sql, params or [])
    except sqlite3.ProgrammingError as exc:
        raise QueryRefused(f"export --query runs one statement at a time ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        if "not authorized" in str(exc):
            raise QueryRefused(
                "export --query runs read-only statements only: writes, ATTACH, VACUUM INTO, "
                "pragmas that change settings and load_extension are refused"
            ) from exc
        raise ArchiveError(f"query failed: {exc}") from exc


def _first_word(sql: str) -> str:
    """The statement's first keyword, upper-cased, after comments and blanks."""
    text = re.sub(r"(--[^\n]*(\n|$)|/\*.*?(\*/|$)|\s)+", " ", sql, flags=re.S).strip()
    match = re.match(r"[A-Za-z]+", text)
    return match.group(0).upper() if match else ""


def _read_only(action: int, arg1: str | None, arg2: str | None, *_: Any) -> int:
    if action in READ_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() not in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in READ_PRAGMAS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        return sqlite3.SQLITE_OK  # SQLite's own bookkeeping when it opens a virtual table (FTS)
    return sqlite3.SQLITE_DENY


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
