"""Exports of incidents and articles as CSV or JSON, marked when partial, and read back.

A partial export (``--limit`` cut it short) says so in the file: CSV starts with a
``# partial: …`` comment line; JSON is ``{"partial": true, "note": …, "items": [...]}``. A full
JSON export is ``{"partial": false, "note": null, "items": [...]}``. JSON facet columns
(victims, outlets, legal_refs, amounts, authors) stay JSON text in CSV and become values in JSON.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from dataclasses import dataclass
from typing import IO, Any

FORMATS = ("csv", "json")
JSON_COLUMNS = ("victims", "outlets", "legal_refs", "amounts", "authors")
INT_COLUMNS = ("id", "ongoing")
PARTIAL = "# partial: "


@dataclass
class Export:
    """Rows of an export and, when partial, why."""

    rows: list[dict[str, Any]]
    total: int
    what: str

    @property
    def note(self) -> str | None:
        if len(self.rows) >= self.total:
            return None
        return f"{len(self.rows)} of {self.total} {self.what} (cut by --limit)"


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for column in JSON_COLUMNS:
        if isinstance(out.get(column), str):
            with contextlib.suppress(ValueError):
                out[column] = json.loads(out[column])
    return out


def write(export: Export, fmt: str, out: IO[str]) -> None:
    if fmt == "json":
        doc = {
            "partial": export.note is not None,
            "note": export.note,
            "items": [_decoded(r) for r in export.rows],
        }
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if export.note:
        out.write(PARTIAL + export.note + "\n")
    columns = list(export.rows[0]) if export.rows else []
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(export.rows)


def read(text: str, fmt: str) -> tuple[list[dict[str, Any]], str | None]:
    """An export read back: its rows (JSON facets decoded, empty CSV cells as None) and its note."""
    if fmt == "json":
        doc = json.loads(text)
        return doc["items"], doc["note"]
    note = None
    if text.startswith(PARTIAL):
        first, _, text = text.partition("\n")
        note = first[len(PARTIAL) :]
    rows = [
        _decoded({k: _cell(k, v) for k, v in r.items()}) for r in csv.DictReader(io.StringIO(text))
    ]
    return rows, note


def _cell(column: str, value: str) -> Any:
    if value == "":
        return None
    return int(value) if column in INT_COLUMNS else value
