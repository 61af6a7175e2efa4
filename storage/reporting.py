"""The queries behind the monthly report: which incidents count where, and what they claim.

Every function returns incident ids (or rows carrying them), so each figure of the report can
be traced to the incidents it counts. *When* an incident counts is a rule owned by
``reports/rules.py``: it is registered on the connection as the SQL function
``pw_reported_on(first_source, event_date, created_at)`` with :func:`use_rule`, and every query
here selects by the date it returns (``YYYY-MM-DD``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

from storage.archive import archive_errors

ReportedOn = Callable[[str | None, str | None, str | None], str | None]

COUNTED = """
WITH counted AS (
  SELECT i.*, pw_reported_on(
    (SELECT min(a.published_at) FROM incident_articles ia JOIN articles a ON a.id = ia.article_id
      WHERE ia.incident_id = i.id),
    i.event_date, i.created_at) AS reported_on
  FROM incidents i WHERE i.merged_into IS NULL
)
"""
WINDOW = " reported_on >= :since AND reported_on <= :until "
KEYS = {
    "category": "category",
    "block": "substr(category, 1, instr(category || '.', '.') - 1)",
    "month": "substr(reported_on, 1, 7)",
}
HAS_REF = (
    "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(legal_refs) THEN legal_refs "
    "ELSE '[]' END) r WHERE json_extract(r.value, '$.code') = :code "
    "AND json_extract(r.value, '$.article') = :article)"
)


def use_rule(db: sqlite_utils.Database, reported_on: ReportedOn) -> None:
    """Register the counting rule (the date an incident counts on) on this connection."""
    db.conn.create_function("pw_reported_on", 3, reported_on, deterministic=True)


def _query(db: sqlite_utils.Database, sql: str, params: dict[str, Any]) -> list[dict]:
    with archive_errors():
        return list(db.query(COUNTED + sql, params))


def ids_by(db: sqlite_utils.Database, since: str, until: str, key: str) -> dict[str, list[int]]:
    """Ids of the incidents counted in ``[since, until]``, grouped by category, block or month."""
    sql = f"SELECT {KEYS[key]} AS k, id FROM counted WHERE {WINDOW} ORDER BY k, id"
    groups: dict[str, list[int]] = {}
    for row in _query(db, sql, {"since": since, "until": until}):
        groups.setdefault(row["k"], []).append(row["id"])
    return groups


def ids_where(
    db: sqlite_utils.Database,
    since: str,
    until: str,
    *,
    categories: Sequence[str] = (),
    ref: tuple[str, str] | None = None,
    statuses: Sequence[str] = (),
    cyber_kinds: Sequence[str] = (),
) -> list[int]:
    """Ids counted in ``[since, until]`` with one of ``categories`` (leaf codes), citing the
    legal reference ``ref`` (code, article), with one of ``statuses`` and one of ``cyber_kinds``
    (the cyberattack kind facet), where given."""
    clauses, params = [WINDOW], {"since": since, "until": until}
    for name, values in (
        ("category", categories),
        ("status", statuses),
        ("cyber_kind", cyber_kinds),
    ):
        if values:
            marks = ", ".join(f":{name}{i}" for i in range(len(values)))
            clauses.append(f"{name} IN ({marks})")
            params.update({f"{name}{i}": v for i, v in enumerate(values)})
    if ref:
        clauses.append(HAS_REF)
        params.update({"code": ref[0], "article": ref[1]})
    sql = f"SELECT id FROM counted WHERE {' AND '.join(clauses)} ORDER BY id"
    return [r["id"] for r in _query(db, sql, params)]


def first_year(db: sqlite_utils.Database) -> int | None:
    """The earliest year an incident counts in (``None`` for an empty archive)."""
    rows = _query(db, "SELECT min(substr(reported_on, 1, 4)) AS y FROM counted", {})
    return int(rows[0]["y"]) if rows and rows[0]["y"] else None


def amounts_in_tenge(
    db: sqlite_utils.Database, ids: Sequence[int], kinds: Sequence[str]
) -> dict[str, tuple[float, list[int]]]:
    """Sum of the tenge amounts of each kind (claimed, recovered, fine…) over these incidents,
    with the ids that carry one. An amount counts in tenge as its ``kzt``, or its ``value`` when
    the unit is KZT; an MCI amount without ``kzt`` is left out."""
    sums: dict[str, tuple[float, list[int]]] = {k: (0.0, []) for k in kinds}
    if not ids:
        return sums
    marks = ", ".join("?" * len(ids))
    sql = (
        "SELECT i.id, json_extract(a.value, '$.kind') AS kind, COALESCE(json_extract(a.value, '$.kzt'), "
        "CASE WHEN json_extract(a.value, '$.unit') = 'KZT' THEN json_extract(a.value, '$.value') END) AS kzt "
        f"FROM incidents i, json_each(CASE WHEN json_valid(i.amounts) THEN i.amounts ELSE '[]' END) a "
        f"WHERE i.id IN ({marks}) ORDER BY i.id"
    )
    with archive_errors():
        rows = list(db.query(sql, list(ids)))
    for row in rows:
        if row["kind"] in sums and row["kzt"] is not None:
            total, carriers = sums[row["kind"]]
            sums[row["kind"]] = (total + float(row["kzt"]), sorted({*carriers, row["id"]}))
    return sums


def incident_entries(db: sqlite_utils.Database, ids: Sequence[int]) -> list[dict]:
    """The incidents with these ids, each with ``reported_on`` and its ``sources`` (articles)."""
    if not ids:
        return []
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    sql = f"SELECT * FROM counted WHERE id IN ({marks}) ORDER BY reported_on, id"
    rows = _query(db, sql, {f"i{n}": v for n, v in enumerate(ids)})
    for row in rows:
        row["sources"] = sources_of(db, row["id"])
    return rows


def sources_of(db: sqlite_utils.Database, incident_id: int) -> list[dict]:
    sql = (
        "SELECT a.id, a.title, a.url, a.outlet, a.published_at FROM incident_articles ia "
        "JOIN articles a ON a.id = ia.article_id WHERE ia.incident_id = ? "
        "ORDER BY a.published_at, a.id"
    )
    with archive_errors():
        return list(db.query(sql, [incident_id]))


def developments_between(db: sqlite_utils.Database, since: str, until: str) -> list[dict]:
    """Developments dated in ``[since, until]`` with their incident's counting date, category and
    title, and their source article (if any)."""
    sql = (
        ", devs AS (SELECT d.id, d.incident_id, d.status, d.date, d.note, d.article_id, "
        "c.reported_on, c.category, c.title FROM developments d JOIN counted c ON c.id = d.incident_id "
        "WHERE substr(d.date, 1, 10) >= :since AND substr(d.date, 1, 10) <= :until) "
        "SELECT devs.*, a.title AS article_title, a.url AS article_url, a.outlet AS article_outlet "
        "FROM devs LEFT JOIN articles a ON a.id = devs.article_id ORDER BY devs.date, devs.id"
    )
    return _query(db, sql, {"since": since, "until": until})


def decode(value: str | None) -> Any:
    """A JSON facet column as a value (``[]`` when empty or malformed)."""
    try:
        return json.loads(value) if value else []
    except ValueError:
        return []


def incident_titles(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, dict]:
    """``id -> {title, category, reported_on}`` for these incidents (the report's appendix)."""
    out: dict[int, dict] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        sql = f"SELECT id, title, category, reported_on FROM counted WHERE id IN ({marks})"
        for row in _query(db, sql, {f"i{n}": v for n, v in enumerate(chunk)}):
            out[row["id"]] = row
    return out
