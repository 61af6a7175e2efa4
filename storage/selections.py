"""Filtered listings of incidents and articles for exports (redacted: ``storage/redactions.py``).

Incidents use the review UI's :class:`storage.incidents.IncidentFilter`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from storage.archive import archive_errors
from storage.incidents import IncidentFilter
from storage.redactions import Redactor

INCIDENT_COLUMNS = (
    "id",
    "category",
    "title",
    "summary",
    "status",
    "ongoing",
    "event_date",
    "place",
    "victims",
    "outlets",
    "perpetrator",
    "legal_refs",
    "amounts",
    "created_at",
    "updated_at",
)
ARTICLE_COLUMNS = (
    "id",
    "url",
    "outlet",
    "source",
    "lang",
    "published_at",
    "title",
    "authors",
    "text",
)


@dataclass(frozen=True)
class ArticleFilter:
    """``since``/``until`` bound the publication date (inclusive)."""

    outlet: str | None = None
    lang: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None

    def sql(self) -> tuple[str, list[str]]:
        clauses, params = [], []
        for clause, value in (
            ("outlet = ?", self.outlet),
            ("lang = ?", self.lang),
            ("source = ?", self.source),
            ("published_at >= ?", self.since),
            ("substr(published_at, 1, 10) <= ?", self.until),
        ):
            if value:
                clauses.append(clause)
                params.append(value)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _select(
    db: sqlite_utils.Database,
    table: str,
    columns: tuple[str, ...],
    where: str,
    params: list,
    limit: int | None,
    order: str,
) -> tuple[list[dict], int]:
    cols = ", ".join(columns)
    sql = f"SELECT {cols} FROM {table}{where} ORDER BY {order}"
    with archive_errors():
        total = db.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]
        rows = list(db.query(sql + (f" LIMIT {int(limit)}" if limit is not None else ""), params))
    return list(Redactor.of(db).rows(rows)), int(total)


def select_incidents(
    db: sqlite_utils.Database, filters: IncidentFilter, limit: int | None = None
) -> tuple[list[dict], int]:
    """Matching incidents (oldest event first) and how many match in all."""
    where, params = filters.sql()
    return _select(
        db, "incidents i", INCIDENT_COLUMNS, f" WHERE {where}", params, limit, "event_date, id"
    )


def select_articles(
    db: sqlite_utils.Database, filters: ArticleFilter, limit: int | None = None
) -> tuple[list[dict], int]:
    """Matching articles (oldest first) and how many match in all."""
    where, params = filters.sql()
    return _select(db, "articles", ARTICLE_COLUMNS, where, params, limit, "published_at, id")
