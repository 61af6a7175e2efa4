"""Redactions: people and passages that must not leave the desk (minors' names, victims of sexual
violence, details from closed hearings).

A reviewer marks a *person* (every form of the name the tagger saw in the archive is hidden too,
so "Айгерим Сатпаеву" goes with "Айгерим Сатпаева") or a *span* (a passage, as written, or the
characters ``start:end`` of an article). The archive keeps the original; what leaves it — the
monthly report, exports, the Datasette view for non-reviewers — goes through a :class:`Redactor`,
which replaces every occurrence, whatever its case, with ``[redacted]``. Marks are removed
softly (``removed_at``) and every change is logged in ``decisions``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

import sqlite_utils

from presswatch.locales import N_
from storage.archive import write
from storage.clock import now
from storage.decisions import log
from storage.errors import ReviewError

MARK = "[redacted]"
KINDS = ("person", "span")
MIN_CHARS = 3  # shorter marks would blank out ordinary words


class Redactor:
    """Replaces the redacted strings (longest first, case-insensitive) in text and rows."""

    def __init__(self, strings: Iterable[str]):
        found = sorted({s.strip() for s in strings if len(s.strip()) >= MIN_CHARS}, key=len)
        self.strings = list(reversed(found))
        joined = "|".join(re.escape(s) for s in self.strings)
        self.pattern = re.compile(joined, re.IGNORECASE) if joined else None

    @classmethod
    def of(cls, db: sqlite_utils.Database) -> Redactor:
        return cls(redacted_strings(db))

    def __bool__(self) -> bool:
        return self.pattern is not None

    def text(self, value: str) -> str:
        return self.pattern.sub(MARK, value) if self.pattern and value else value

    def found(self, value: str) -> bool:
        return bool(self.pattern and value and self.pattern.search(value))

    def value(self, value: Any) -> Any:
        """Strings, and the strings inside lists and dicts (JSON text stays valid JSON)."""
        if not self.pattern:
            return value
        if isinstance(value, str):
            return self._json(value) if value[:1] in "[{" else self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        return value

    def _json(self, value: str) -> str:
        try:
            parsed = json.loads(value)
        except ValueError:
            return self.text(value)
        return json.dumps(self.value(parsed), ensure_ascii=False)

    def rows(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            yield self.value(row) if self.pattern else row


def forms_of(db: sqlite_utils.Database, name: str) -> list[str]:
    """The person's name and every form of it the tagger stored (mentions with that norm)."""
    rows = db.query(
        "SELECT DISTINCT text, norm FROM mentions WHERE kind = 'person' "
        "AND (lower(norm) = lower(:n) OR lower(text) = lower(:n))",
        {"n": name},
    )
    forms = {name}
    for row in rows:
        forms.update(v for v in (row["text"], row["norm"]) if v)
    return sorted(forms)


def redacted_strings(db: sqlite_utils.Database) -> list[str]:
    """Every string the outputs must not show (empty when the archive has no redactions)."""
    if "redactions" not in db.table_names():
        return []
    out: list[str] = []
    for row in db.query("SELECT kind, text FROM redactions WHERE removed_at IS NULL"):
        out += forms_of(db, row["text"]) if row["kind"] == "person" else [row["text"]]
    return out


def _span_text(db: sqlite_utils.Database, article_id: int, start: int, end: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise ReviewError(N_("no article %(id)s"), id=article_id)
    if not 0 <= start < end <= len(row[0] or ""):
        raise ReviewError(
            N_("span %(start)s:%(end)s is outside article %(id)s"),
            start=start,
            end=end,
            id=article_id,
        )
    return str(row[0][start:end])


def add(
    db: sqlite_utils.Database,
    kind: str,
    *,
    reviewer: str,
    text: str | None = None,
    article_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    reason: str = "",
) -> int:
    """Mark a person (``text`` = the name) or a span (``text``, or ``article_id`` with
    ``start``/``end``) as redacted; returns the redaction's id."""
    if kind not in KINDS:
        raise ReviewError(
            N_("redaction kind %(kind)s: one of %(kinds)s"), kind=repr(kind), kinds=", ".join(KINDS)
        )
    if article_id is not None and start is not None and end is not None:
        text = _span_text(db, article_id, start, end)
    text = " ".join((text or "").split())
    if len(text) < MIN_CHARS:
        raise ReviewError(N_("a redaction needs at least %(n)s characters of text"), n=MIN_CHARS)
    row = {"kind": kind, "text": text, "article_id": article_id, "start": start, "end": end}
    with write(db):
        rid = int(
            cast(
                int,
                db["redactions"]
                .insert({**row, "reason": reason, "created_by": reviewer, "created_at": now()})
                .last_pk,
            )
        )
        log(
            db,
            reviewer=reviewer,
            target_type="redaction",
            target_id=rid,
            action="redact",
            after=row,
            reason=reason or None,
        )
    return rid


def remove(db: sqlite_utils.Database, redaction_id: int, *, reviewer: str) -> None:
    """Lift a redaction (kept, marked removed, and logged)."""
    with write(db):
        cur = db.execute(
            "UPDATE redactions SET removed_at = ?, removed_by = ? WHERE id = ? "
            "AND removed_at IS NULL",
            [now(), reviewer, redaction_id],
        )
        if not cur.rowcount:
            raise ReviewError(N_("no active redaction %(id)s"), id=redaction_id)
        log(
            db,
            reviewer=reviewer,
            target_type="redaction",
            target_id=redaction_id,
            action="unredact",
        )


def active(db: sqlite_utils.Database) -> list[dict]:
    """The redactions in force, newest first, each with the forms it hides."""
    rows = list(db.query("SELECT * FROM redactions WHERE removed_at IS NULL ORDER BY id DESC"))
    for row in rows:
        row["forms"] = forms_of(db, row["text"]) if row["kind"] == "person" else [row["text"]]
    return rows
