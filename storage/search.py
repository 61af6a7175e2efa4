"""Full-text search over articles: newest first by default, relevance with ``rank=True``.

The index's rowid is the article's date-ordered ``sortkey`` (see ``storage.migrations``), so
newest-first is FTS5's native ``ORDER BY rowid DESC``: results stream from the index in date
order and a page costs the same for a rare term and for one in every article.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from storage.archive import archive_errors

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
    where, params = filters.sql()
    order = "articles_fts.rank" if rank else "articles_fts.rowid DESC"
    sql = (
        "SELECT a.id, a.url, a.title, a.outlet, a.lang, a.published_at, "
        f"{SNIPPET} AS snippet FROM articles_fts JOIN articles a ON a.sortkey = articles_fts.rowid "
        f"WHERE articles_fts MATCH ?{where} ORDER BY {order} LIMIT ?"
    )
    with archive_errors():
        return list(db.query(sql, [q, *params, limit]))
