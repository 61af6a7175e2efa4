"""A redacted snapshot of the archive for readers who are not reviewers (the Datasette view).

The archive is copied with SQLite's backup API; in the copy every text column of every table, and
every stored page body, has the redacted strings replaced; the redactions themselves, the
full-text index's old terms and the freed pages that still held the originals are gone
(``rebuild``, ``VACUUM``). The original archive is not touched.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import sqlite_utils

from storage.archive import connect
from storage.redactions import Redactor

SKIP = ("_migrations", "redactions")


def _virtual(db: sqlite_utils.Database) -> dict[str, bool]:
    """Full-text tables, and whether each indexes another table (``content=``)."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    return {name: "content=" in (sql or "").replace(" ", "") for name, sql in rows}


def _tables(db: sqlite_utils.Database) -> list[str]:
    """Tables whose text is redacted in place: the ordinary ones and self-contained FTS tables
    (never FTS shadow tables, never an index over another table: that is rebuilt)."""
    virtual = _virtual(db)
    shadow = tuple(f"{v}_" for v in virtual)
    return [
        t
        for t in db.table_names()
        if t not in SKIP and not t.startswith(shadow) and not virtual.get(t, False)
    ]


def _text_columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns if c.type.upper() in ("TEXT", "")]


def _page(redactor: Redactor, body: bytes | None, encoding: str | None) -> bytes | None:
    if body is None:
        return None
    raw = zlib.decompress(body)
    text = raw.decode(encoding or "utf-8", errors="replace")
    if not redactor.found(text):
        return body
    clean = redactor.text(text).encode(encoding or "utf-8", errors="xmlcharrefreplace")
    return zlib.compress(clean)


def _redact_tables(db: sqlite_utils.Database, redactor: Redactor) -> None:
    conn = db.conn
    conn.create_function("pw_redact", 1, redactor.value, deterministic=True)
    conn.create_function("pw_has", 1, lambda v: isinstance(v, str) and redactor.found(v))
    conn.create_function("pw_page", 2, lambda b, e: _page(redactor, b, e))
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'decisions'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER [{name}]")  # the audit log is append-only; not its copy
    for table in _tables(db):
        for column in _text_columns(db, table):
            conn.execute(
                f"UPDATE [{table}] SET [{column}] = pw_redact([{column}]) WHERE pw_has([{column}])"
            )
    if "pages" in db.table_names():
        conn.execute("UPDATE pages SET body = pw_page(body, encoding)")


def redacted_copy(source: Path | str, target: Path | str) -> Path:
    """Write the redacted snapshot of the archive at ``source`` to ``target``."""
    target = Path(target)
    target.unlink(missing_ok=True)
    src = connect(source, readonly=True, create=False)
    dst = sqlite3.connect(target)
    src.conn.backup(dst)
    dst.close()
    db = sqlite_utils.Database(target)
    redactor = Redactor.of(db)
    with db.conn:
        _redact_tables(db, redactor)
        if "redactions" in db.table_names():
            db.conn.execute("DELETE FROM redactions")
        for name, external in _virtual(db).items():
            if external:
                db.conn.execute(f"INSERT INTO [{name}]([{name}]) VALUES ('rebuild')")
    db.conn.execute("VACUUM")
    db.close()
    return target
