"""The figures of a monthly report, computed from the archive; each carries its incident ids."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from reports import rules, security
from storage import reporting


@dataclass(frozen=True)
class Figure:
    """A number of the report and the incidents behind it (a count, or a sum in tenge)."""

    value: float
    ids: tuple[int, ...]

    @classmethod
    def count(cls, ids: list[int]) -> Figure:
        return cls(len(ids), tuple(ids))

    def as_json(self) -> dict:
        return {"value": self.value, "ids": list(self.ids)}


@dataclass
class Figures:
    """Everything the report states for ``month`` (``YYYY-MM``)."""

    month: str
    month_blocks: dict[str, Figure]
    month_categories: dict[str, Figure]
    month_legal: dict[str, Figure]
    ytd_blocks: dict[str, Figure]
    ytd_legal: dict[str, Figure]
    prev_blocks: dict[str, Figure]
    prev_month_categories: dict[str, Figure]
    amounts: dict[str, Figure]
    digital: dict[str, Figure]
    blocks_by_month: dict[str, dict[str, Figure]]
    entries: list[dict] = field(default_factory=list)
    ongoing: list[dict] = field(default_factory=list)
    security: dict[str, Figure] = field(default_factory=dict)  # reports/security.py's table

    @property
    def previous_year(self) -> str:
        return rules.same_period_last_year(self.month)

    def ratio(self, now: Figure, before: Figure) -> float | None:
        """How many times ``now`` exceeds ``before`` (None when nothing to compare with)."""
        return round(now.value / before.value, 1) if before.value else None

    def flat(self) -> dict[str, Figure]:
        """Every figure under a stable key (used for anchors, publishing and diffs)."""
        out: dict[str, Figure] = {}
        for prefix, group in (
            ("month", self.month_blocks),
            ("month.category", self.month_categories),
            ("month.legal", self.month_legal),
            ("ytd", self.ytd_blocks),
            ("ytd.legal", self.ytd_legal),
            ("prev_ytd", self.prev_blocks),
            ("prev_month.category", self.prev_month_categories),
            ("amounts", self.amounts),
            ("digital", self.digital),
            ("security", self.security),
        ):
            out.update({f"{prefix}.{key}": fig for key, fig in group.items()})
        return out


def _blocks(groups: dict[str, list[int]]) -> dict[str, Figure]:
    out = {b: Figure.count(groups.get(b, [])) for b in rules.BLOCKS}
    out["total"] = Figure.count(sorted(i for ids in groups.values() for i in ids))
    return out


def _legal(db: sqlite_utils.Database, since: str, until: str) -> dict[str, Figure]:
    def ids(branch: str, **kw) -> Figure:
        return Figure.count(
            reporting.ids_where(db, since, until, categories=[f"legal.{branch}"], **kw)
        )

    return {
        "criminal": ids("criminal"),
        "criminal.in_court": ids("criminal", statuses=rules.IN_COURT),
        "civil": ids("civil"),
        "civil.honour": ids("civil", ref=rules.HONOUR_REF),
        "administrative": ids("administrative"),
        "administrative.defamation": ids("administrative", ref=rules.DEFAMATION_REF),
        "administrative.false_info": ids("administrative", ref=rules.FALSE_INFO_REF),
    }


def _amounts(db: sqlite_utils.Database, honour: Figure) -> dict[str, Figure]:
    sums = reporting.amounts_in_tenge(db, honour.ids, ("claimed", "recovered"))
    return {kind: Figure(total, tuple(ids)) for kind, (total, ids) in sums.items()}


def _digital(db: sqlite_utils.Database, month: str) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for year_month, key in ((month, "ytd"), (rules.same_period_last_year(month), "prev_ytd")):
        since, until = f"{year_month[:4]}-01-01", rules.month_bounds(year_month)[1]
        ids = reporting.ids_where(db, since, until, categories=rules.DIGITAL)
        by_month = reporting.ids_by(db, since, until, "month")
        for m in range(1, int(year_month[5:7]) + 1):
            label = f"{year_month[:4]}-{m:02d}"
            out[label] = Figure.count([i for i in by_month.get(label, []) if i in set(ids)])
        out[key] = Figure.count(ids)
    return out


def _last_12_months(db: sqlite_utils.Database, month: str) -> dict[str, dict[str, Figure]]:
    out = {}
    for back in range(11, -1, -1):
        m = rules.shift_month(month, -back)
        out[m] = _blocks(reporting.ids_by(db, *rules.month_bounds(m), "block"))
    return out


def _categories(db: sqlite_utils.Database, month: str) -> dict[str, Figure]:
    return {
        k: Figure.count(v)
        for k, v in reporting.ids_by(db, *rules.month_bounds(month), "category").items()
    }


def compute(db: sqlite_utils.Database, month: str) -> Figures:
    """The report's figures for ``month`` from the archive as it is now."""
    reporting.use_rule(db, rules.reported_on)
    first, last = rules.month_bounds(month)
    prev = rules.same_period_last_year(month)
    ytd_legal = _legal(db, f"{month[:4]}-01-01", last)
    return Figures(
        month=month,
        month_blocks=_blocks(reporting.ids_by(db, first, last, "block")),
        month_categories=_categories(db, month),
        month_legal=_legal(db, first, last),
        ytd_blocks=_blocks(reporting.ids_by(db, f"{month[:4]}-01-01", last, "block")),
        ytd_legal=ytd_legal,
        prev_blocks=_blocks(
            reporting.ids_by(db, f"{prev[:4]}-01-01", rules.month_bounds(prev)[1], "block")
        ),
        prev_month_categories=_categories(db, prev),
        amounts=_amounts(db, ytd_legal["civil.honour"]),
        digital=_digital(db, month),
        blocks_by_month=_last_12_months(db, month),
        entries=entries(db, first, last),
        ongoing=ongoing(db, first, last),
        security={k: Figure.count(v) for k, v in security.table(db, month).items()},
    )


def entries(db: sqlite_utils.Database, first: str, last: str) -> list[dict]:
    """One entry per incident counted in the month, with its sources and same-month developments."""
    ids = [i for group in reporting.ids_by(db, first, last, "category").values() for i in group]
    rows = reporting.incident_entries(db, ids)
    devs = reporting.developments_between(db, first, last)
    for row in rows:
        for facet in ("victims", "outlets", "legal_refs", "amounts"):
            row[facet] = reporting.decode(row.get(facet))
        row["developments"] = [d for d in devs if d["incident_id"] == row["id"]]
    return rows


def ongoing(db: sqlite_utils.Database, first: str, last: str) -> list[dict]:
    """Developments in the month of incidents first reported earlier: listed, never counted."""
    return [
        d
        for d in reporting.developments_between(db, first, last)
        if rules.is_ongoing(d["date"], d["reported_on"])
    ]
