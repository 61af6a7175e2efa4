"""Incident merges: two incidents found to be one (the same event reported weeks apart).

Merging *source* into *target* gives the target the source's sources (articles) and developments,
and the union of their victims, outlets, legal references and amounts (the earliest event date,
the target's other fields, the source's cyberattack kind when the target has none); the source
stays in the archive marked ``merged_into`` (its own sources too), so the report, exports and the
incident list count one. One ``merge`` decision on the source records what moved; :func:`undo`
puts it back exactly, if nobody changed the target since.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from presswatch.locales import N_
from storage.archive import write
from storage.clock import now
from storage.decisions import latest, log
from storage.errors import ConflictError, ReviewError
from storage.facets import encode
from storage.incidents import add_articles, checked, get_incident

UNION = ("victims", "outlets", "legal_refs", "amounts")


def _union(mine: list, theirs: list) -> list:
    return list(mine) + [x for x in theirs if x not in mine]


def merged_facets(target: dict, source: dict) -> dict[str, Any]:
    """The target's facets that change when ``source`` is merged into it."""
    out: dict[str, Any] = {k: _union(target.get(k) or [], source.get(k) or []) for k in UNION}
    dates = [d for d in (target.get("event_date"), source.get("event_date")) if d]
    out["event_date"] = min(dates) if dates else None
    out["cyber_kind"] = target.get("cyber_kind") or source.get("cyber_kind")
    return {k: v for k, v in out.items() if v != target.get(k)}


def _pair(db: sqlite_utils.Database, source_id: int, target_id: int) -> tuple[dict, dict]:
    if source_id == target_id:
        raise ReviewError(N_("an incident cannot be merged into itself"))
    source, target = get_incident(db, source_id), get_incident(db, target_id)
    for row, n in ((source, source_id), (target, target_id)):
        if row is None:
            raise ReviewError(N_("no incident %(id)s"), id=n)
        if row.get("merged_into"):
            raise ReviewError(
                N_("incident %(id)s is already merged into #%(target)s"),
                id=n,
                target=row["merged_into"],
            )
    assert source is not None and target is not None
    return source, target


def preview(db: sqlite_utils.Database, source_id: int, target_id: int) -> dict[str, Any]:
    """What the target becomes: its fields, sources and timeline after the merge (nothing written)."""
    source, target = _pair(db, source_id, target_id)
    changes = merged_facets(target, source)
    known = {a["id"] for a in target["articles"]}
    articles = target["articles"] + [a for a in source["articles"] if a["id"] not in known]
    return {
        "source": source,
        "target": target,
        "changes": changes,
        "result": {**target, **changes},
        "articles": sorted(articles, key=lambda a: (a["published_at"] or "", a["id"])),
        "new_articles": [a["id"] for a in source["articles"] if a["id"] not in known],
        "developments": sorted(
            target["developments"] + source["developments"], key=lambda d: (d["date"], d["id"])
        ),
    }


def merge(
    db: sqlite_utils.Database,
    source_id: int,
    target_id: int,
    *,
    reviewer: str,
    source_version: int | None = None,
    target_version: int | None = None,
) -> int:
    """Merge incident ``source_id`` into ``target_id``; returns the decision id (for undo)."""
    with write(db):
        checked(db, source_id, source_version)
        checked(db, target_id, target_version)
        plan = preview(db, source_id, target_id)
        source, target, changes = plan["source"], plan["target"], plan["changes"]
        added = add_articles(db, target_id, [a["id"] for a in source["articles"]])
        moved = [d["id"] for d in source["developments"]]
        db.execute(
            "UPDATE developments SET incident_id = ? WHERE incident_id = ?", [target_id, source_id]
        )
        stamp = now()
        db["incidents"].update(
            target_id, {**encode(changes), "updated_at": stamp, "version": target["version"] + 1}
        )
        db["incidents"].update(
            source_id,
            {"merged_into": target_id, "updated_at": stamp, "version": source["version"] + 1},
        )
        before = {k: target.get(k) for k in changes}
        return log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=source_id,
            action="merge",
            before={"target": before, "versions": [source["version"], target["version"]]},
            after={
                "merged_into": target_id,
                "target": changes,
                "added_articles": added,
                "moved_developments": moved,
                "versions": [source["version"] + 1, target["version"] + 1],
            },
        )


def undo(db: sqlite_utils.Database, source_id: int, *, reviewer: str) -> int:
    """Undo the last merge of ``source_id``: the target loses what the merge gave it."""
    with write(db):
        entry = latest(db, "incident", source_id)
        if not entry or entry["action"] != "merge":
            raise ReviewError(N_("incident %(id)s has no merge to undo"), id=source_id)
        target_id, after = entry["after"]["merged_into"], entry["after"]
        checked(db, source_id, after["versions"][0])
        target = checked(db, target_id, after["versions"][1])
        if target.get("merged_into"):
            raise ConflictError(
                N_("incident %(id)s was merged since"), current=target, id=target_id
            )
        _take_back(db, source_id, target_id, after)
        db["incidents"].update(
            target_id,
            {
                **encode(entry["before"]["target"]),
                "version": target["version"] + 1,
                "updated_at": now(),
            },
        )
        db["incidents"].update(
            source_id,
            {"merged_into": None, "version": after["versions"][0] + 1, "updated_at": now()},
        )
        return log(
            db,
            reviewer=reviewer,
            target_type="incident",
            target_id=source_id,
            action="unmerge",
            before={"merged_into": target_id},
            after={"undoes": entry["id"], "merged_into": None},
        )


def _take_back(db: sqlite_utils.Database, source_id: int, target_id: int, after: dict) -> None:
    for article_id in after["added_articles"]:
        db.execute(
            "DELETE FROM incident_articles WHERE incident_id = ? AND article_id = ?",
            [target_id, article_id],
        )
    for dev_id in after["moved_developments"]:
        db.execute(
            "UPDATE developments SET incident_id = ? WHERE id = ? AND incident_id = ?",
            [source_id, dev_id, target_id],
        )


def merged_from(db: sqlite_utils.Database, target_id: int) -> list[dict]:
    """The incidents merged into this one (id, title), for its page."""
    return list(
        db.query("SELECT id, title FROM incidents WHERE merged_into = ? ORDER BY id", [target_id])
    )
