"""Frozen reports: publish a month's report with the incident ids behind every number, and
compare the published figures with the archive as it is today."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from reports.build import draft
from reports.figures import compute
from storage.errors import PresswatchError
from storage.frozen_reports import latest_report, save_report


def publish(
    db: sqlite_utils.Database, month: str, lang: str = "en", fmt: str = "md"
) -> tuple[int, bool]:
    """Store the rendered report (``md`` or ``html``) and its figures; returns ``(id, created)``.
    Publishing an unchanged report again stores nothing new."""
    report = draft(db, month, fmt, lang)
    figures = {key: fig.as_json() for key, fig in report.figures.flat().items()}
    return save_report(db, month, lang, report.body, figures)


@dataclass
class Change:
    key: str
    published: float | None
    today: float | None
    added: list[int]
    removed: list[int]


@dataclass
class Diff:
    month: str
    published_at: str
    changes: list[Change] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


def diff(db: sqlite_utils.Database, month: str, lang: str | None = None) -> Diff:
    """Figures whose value or incidents changed since publication, and incidents added/removed."""
    report = latest_report(db, month, lang)
    if report is None:
        raise PresswatchError(
            f"no published report for {month}; run `presswatch report publish --month {month}`"
        )
    then = report["figures"]
    now = {k: f.as_json() for k, f in compute(db, month).flat().items()}
    result = Diff(month, report["published_at"])
    for key in sorted(set(then) | set(now)):
        old, new = (
            then.get(key, {"value": None, "ids": []}),
            now.get(key, {"value": None, "ids": []}),
        )
        added = sorted(set(new["ids"]) - set(old["ids"]))
        removed = sorted(set(old["ids"]) - set(new["ids"]))
        if old["value"] != new["value"] or added or removed:
            result.changes.append(Change(key, old["value"], new["value"], added, removed))
    ids_then = {i for f in then.values() for i in f["ids"]}
    ids_now = {i for f in now.values() for i in f["ids"]}
    result.added, result.removed = sorted(ids_now - ids_then), sorted(ids_then - ids_now)
    return result


def describe(result: Diff) -> str:
    """The diff as plain text lines."""
    lines = [f"report {result.month}: published {result.published_at} vs today"]
    if not result.changes:
        return lines[0] + "\nno figure changed"
    for c in result.changes:
        extra = "".join(
            f" {sign}{','.join(map(str, ids))}"
            for sign, ids in (("+", c.added), ("-", c.removed))
            if ids
        )
        lines.append(f"  {c.key}: {_num(c.published)} -> {_num(c.today)}{extra}")
    lines.append(f"incidents added: {', '.join(map(str, result.added)) or 'none'}")
    lines.append(f"incidents removed: {', '.join(map(str, result.removed)) or 'none'}")
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
