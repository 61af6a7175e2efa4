"""Full-text search over articles: newest first by default, relevance with ``rank=True``.

Newest-first has two plans. A rare term (fewer than ``COMMON`` matches) collects its matches
from the FTS index and sorts them by date. A common term walks the articles by the
``published_at`` index, newest first, and asks the FTS index about each window of ids — so the
cost is proportional to the page asked for, not to the number of matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from storage.archive import archive_errors

COMMON = 2000
WINDOW = 400
SNIPPET = "snippet(articles_fts, 1, '[', ']', ' … ', 16)"


@dataclass(frozen=True)
class Filters:
    outlet: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None

    def sql(self) -> tuple[str, list[str]]:
        clauses, params = [], []
        for column, op, value in (
            ("outlet", "=", self.outlet),
            ("lang", "=", self.lang),
            ("published_at", ">=", self.since),
            ("published_at", "<", self._until()),
        ):
            if value:
                clauses.append(f"a.{column} {op} ?")
                params.append(value)
        return (" AND " + " AND ".join(clauses) if clauses else ""), params

    def _until(self) -> str | None:
        # an inclusive date bound: "until 2026-11-30" keeps the whole day
        return f"{self.until}\uffff" if self.until and len(self.until) == 10 else self.until


def fts_query(query: str, raw: bool = False) -> str:
    """The user's words as an FTS5 query: each word quoted (safe), or the raw FTS5 syntax."""
    if raw:
        return query
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def search(
    db: sqlite_utils.Database,
    query: str,
    *,
    filters: Filters | None = None,
    rank: bool = False,
    limit: int = 20,
    raw: bool = False,
) -> list[dict]:
    """Matching articles with a snippet: ``id, url, title, outlet, lang, published_at, snippet``."""
    filters = filters or Filters()
    q = fts_query(query, raw)
    with archive_errors():
        if rank:
            return _ranked(db, q, filters, limit)
        if _count_upto(db, q, COMMON) < COMMON:
            return _rare_by_date(db, q, filters, limit)
        return _common_by_date(db, q, filters, limit)


def _count_upto(db: sqlite_utils.Database, q: str, cap: int) -> int:
    sql = "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)"
    return int(db.execute(sql, [q, cap]).fetchone()[0])


def _select(order: str, where: str) -> str:
    return (
        "SELECT a.id, a.url, a.title, a.outlet, a.lang, a.published_at, "
        f"{SNIPPET} AS snippet FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE articles_fts MATCH ?{where} ORDER BY {order} LIMIT ?"
    )


def _ranked(db: sqlite_utils.Database, q: str, f: Filters, limit: int) -> list[dict]:
    where, params = f.sql()
    return list(db.query(_select("articles_fts.rank", where), [q, *params, limit]))


def _rare_by_date(db: sqlite_utils.Database, q: str, f: Filters, limit: int) -> list[dict]:
    where, params = f.sql()
    return list(db.query(_select("a.published_at DESC, a.id DESC", where), [q, *params, limit]))


def _common_by_date(db: sqlite_utils.Database, q: str, f: Filters, limit: int) -> list[dict]:
    where, params = f.sql()
    found: list[dict] = []
    cursor: tuple[str, int] | None = None
    while len(found) < limit:
        page_where, page_params = where, list[Any](params)
        if cursor:
            page_where += " AND (a.published_at < ? OR (a.published_at = ? AND a.id < ?))"
            page_params += [cursor[0], cursor[0], cursor[1]]
        ids = db.execute(
            f"SELECT a.id, a.published_at FROM articles a WHERE a.published_at IS NOT NULL{page_where} "
            "ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
            [*page_params, WINDOW],
        ).fetchall()
        if not ids:
            break
        cursor = (ids[-1][1], ids[-1][0])
        marks = ",".join("?" * len(ids))
        found += db.query(
            _select("a.published_at DESC, a.id DESC", f" AND articles_fts.rowid IN ({marks})"),
            [q, *[i for i, _ in ids], limit - len(found)],
        )
    return found[:limit]
