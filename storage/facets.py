"""The facet columns shared by signals, candidates and incidents, encoded as in docs/DATA.md."""

from __future__ import annotations

import json
from typing import Any

JSON_FIELDS = ("victims", "outlets", "legal_refs", "amounts", "evidence", "cues")
# Every facet column of signals, candidates and incidents, in schema order.
FACET_COLUMNS = (
    "category",
    "confidence",
    "title",
    "summary",
    "victims",
    "outlets",
    "perpetrator",
    "legal_refs",
    "amounts",
    "place",
    "event_date",
    "case_status",
    "evidence",
    "cues",
    "cyber_kind",
)
# What a reviewer may correct (the rest is the detector's reasoning, kept as evidence).
EDITABLE = tuple(c for c in FACET_COLUMNS if c not in ("confidence", "evidence", "cues"))
CYBER_KINDS = ("ddos", "hacking", "attempted_hacking")  # of an access.cyberattack
CASE_STATUSES = ("reported", "investigation", "court", "decision", "appeal", "closed")
DEVELOPMENT_STATUSES = CASE_STATUSES[1:]


def decode(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its JSON facet columns parsed (missing ones become empty lists)."""
    out = dict(row)
    for name in JSON_FIELDS:
        if name in out:
            out[name] = json.loads(out[name]) if out[name] else []
    return out


def encode(values: dict[str, Any]) -> dict[str, Any]:
    """Facet values ready for the database: lists and dicts as UTF-8 JSON text."""
    return {
        k: (json.dumps(v, ensure_ascii=False) if k in JSON_FIELDS and v is not None else v)
        for k, v in values.items()
    }


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def category_clause(column: str, category: str) -> tuple[str, list]:
    """A leaf (``legal.civil``) matches itself; a block (``legal`` or ``legal.*``) its leaves,
    as an index-friendly range."""
    block = category.removesuffix(".*").removesuffix(".")
    if "." in block:
        return f"{column} = ?", [block]
    return f"{column} >= ? AND {column} < ?", [block + ".", block + "/"]


def outlet_clause(column: str, outlet: str) -> tuple[str, list]:
    """The JSON list in ``column`` holds ``outlet`` (a cheap LIKE first, then the exact test)."""
    pattern = (
        "%" + dumps(outlet).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    )
    return (
        f"{column} LIKE ? ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_each({column}) WHERE value = ?)",
        [pattern, outlet],
    )
