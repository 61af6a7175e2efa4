"""The morning summary of a nightly run, as markdown (Prefect artifact, archive, terminal)."""

from __future__ import annotations

from typing import Any


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def headline(failed: list[str], failures: list[dict]) -> str:
    """ "2 source(s) failed, 3 with errors" — robots.txt refusals are obeyed, not errors."""
    real = {
        f["source"] for f in failures if f.get("source") and "robots.txt" not in (f["reason"] or "")
    }
    troubled = sorted(real - set(failed))
    parts = [
        f"{len(failed)} source(s) failed: {', '.join(failed)}" if failed else "",
        f"{len(troubled)} source(s) with errors: {', '.join(troubled)}" if troubled else "",
    ]
    return "; ".join(p for p in parts if p) or "all sources ok"


def summary_markdown(run_id: int, stats: dict[str, Any], failures: list[dict]) -> str:
    failed = stats["failed_sources"]
    lines = [
        f"# Nightly run #{run_id}: {headline(failed, failures)}",
        "",
        f"{stats['new_articles']} new articles, {stats['tag'].get('tagged', 0)} tagged, "
        f"{stats['detect'].get('signals', 0)} signals, "
        f"{stats['group'].get('new_total', 0)} new candidates in {stats['wall_seconds']:.1f} s.",
        "",
        "## New articles per source",
        "",
    ]
    lines += _table(
        ["source", "status", "new articles", "pages", "errors", "reason"],
        [
            [
                n,
                s.get("status"),
                s.get("items", 0),
                s.get("pages", 0),
                s.get("errors", 0),
                (s.get("reason") or "").replace("|", "/")[:120],
            ]
            for n, s in sorted(stats["sources"].items())
        ],
    )
    per_category = stats["group"].get("new", {})
    lines += ["", "## New candidates per category", ""]
    lines += (
        _table(["category", "new"], sorted([k, v] for k, v in per_category.items()))
        if per_category
        else ["none"]
    )
    lines += ["", "## Failures", ""]
    lines += (
        _table(
            ["stage", "source", "url", "reason"],
            [
                [
                    f["stage"],
                    f["source"] or "",
                    f["url"] or "",
                    (f["reason"] or "").replace("|", "/")[:160],
                ]
                for f in failures[:100]
            ],
        )
        if failures
        else ["none"]
    )
    lines += ["", "## Stage timings (seconds of task bodies)", ""]
    lines += _table(["stage", "seconds"], [[k, v] for k, v in stats["stage_seconds"].items()])
    lines += [
        "",
        f"Wall time {stats['wall_seconds']:.1f} s; task bodies {stats['task_seconds']:.1f} s.",
    ]
    return "\n".join(lines) + "\n"
