"""The registry of known people and outlets (``entities`` keyed by (kind, name);
``entity_aliases`` maps normalised alias keys to an entity). Later stages and reviewers extend it."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from storage.archive import write
from storage.clock import now


def upsert_entity(
    db: sqlite_utils.Database,
    kind: str,
    name: str,
    aliases: Iterable[str] = (),
    keys: Iterable[str] = (),
    role: str | None = None,
    created_by: str = "nlp",
) -> int:
    """Add (or extend) an entity: ``aliases`` as written, ``keys`` their normalised match keys.
    Idempotent; an alias key already owned by another entity stays with it."""
    aliases, keys = list(aliases), list(keys)
    with write(db):
        row = db.execute(
            "SELECT id, aliases FROM entities WHERE kind = ? AND name = ?", [kind, name]
        ).fetchone()
        if row:
            entity_id, known = row[0], json.loads(row[1] or "[]")
            merged = list(dict.fromkeys([*known, *aliases]))
            db.execute(
                "UPDATE entities SET aliases = ?, role = coalesce(?, role) WHERE id = ?",
                [json.dumps(merged, ensure_ascii=False), role, entity_id],
            )
        else:
            cursor = db.execute(
                "INSERT INTO entities (kind, name, role, aliases, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    kind,
                    name,
                    role,
                    json.dumps(list(dict.fromkeys(aliases)), ensure_ascii=False),
                    created_by,
                    now(),
                ],
            )
            entity_id = cursor.lastrowid
        db.conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases (alias, entity_id) VALUES (?, ?)",
            [(k, entity_id) for k in dict.fromkeys(keys) if k],
        )
    return int(entity_id)


def load_entities(db: sqlite_utils.Database, kind: str | None = None) -> list[dict]:
    """Every entity (of ``kind``) with ``aliases`` decoded and its alias ``keys``."""
    where, args = ("WHERE kind = ?", [kind]) if kind else ("", [])
    rows = list(db.query(f"SELECT * FROM entities {where} ORDER BY id", args))
    keys: dict[int, list[str]] = {}
    for alias, entity_id in db.execute("SELECT alias, entity_id FROM entity_aliases"):
        keys.setdefault(entity_id, []).append(alias)
    for row in rows:
        row["aliases"] = json.loads(row["aliases"] or "[]")
        row["keys"] = keys.get(row["id"], [])
    return rows


def entity_for_alias(db: sqlite_utils.Database, key: str) -> dict | None:
    rows = list(
        db.query(
            "SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ?",
            [key],
        )
    )
    return rows[0] if rows else None
