"""What the tagger found, per article: mentions, legal references, amounts.

``save_analysis`` replaces an article's rows in one transaction and stamps ``tagged_at``, so a
re-run writes the same rows (keyed by the unique indexes of migration m002) and a crash leaves
either the old rows or the new ones. ``mark_tag_error`` records a failure on the article, which
``storage.articles.pending(db, "tag")`` then leaves out (it is not retried).
"""

from __future__ import annotations

import sqlite_utils

from storage.archive import write
from storage.clock import now

TABLES = {
    "mentions": ("article_id", "kind", "text", "norm", "role", "entity_id", "start", "end"),
    "legal_refs": ("article_id", "code", "article", "part", "paragraph", "text", "start", "end"),
    "amounts": ("article_id", "value", "unit", "kzt", "kind", "text", "start", "end"),
}


def _insert(db: sqlite_utils.Database, table: str, article_id: int, rows: list[dict]) -> int:
    cols = TABLES[table]
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    values = [[article_id if c == "article_id" else row.get(c) for c in cols] for row in rows]
    db.conn.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", values)
    return len(values)


def save_analysis(
    db: sqlite_utils.Database,
    article_id: int,
    found: dict[str, list[dict]],
    lang: str | None = None,
) -> dict[str, int]:
    """Replace the article's mentions / legal_refs / amounts with ``found`` and mark it tagged.
    ``lang`` (when given) is the language identified on the text. Returns rows written per table."""
    counts = {}
    with write(db):
        for table in TABLES:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            counts[table] = _insert(db, table, article_id, found.get(table) or [])
        sets, args = "tagged_at = ?, tag_error = NULL", [now()]
        if lang:
            sets, args = sets + ", lang = ?", [*args, lang]
        db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*args, article_id])
    return counts


def mark_tag_error(db: sqlite_utils.Database, article_id: int, reason: str) -> None:
    """Record why tagging failed; the article is not offered for tagging again."""
    with write(db):
        db.execute(
            "UPDATE articles SET tag_error = ? WHERE id = ?", [reason[:500] or "error", article_id]
        )


def article_analysis(db: sqlite_utils.Database, article_id: int) -> dict[str, list[dict]]:
    """The stored rows of one article, in text order."""
    return {
        table: list(
            db.query(
                f'SELECT * FROM {table} WHERE article_id = ? ORDER BY start, "end"', [article_id]
            )
        )
        for table in TABLES
    }
