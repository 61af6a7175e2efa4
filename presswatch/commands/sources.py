"""``presswatch sources``: the health of each source, and validation of a sources file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from crawlers.registry import load_sources
from presswatch.context import open_db
from storage.sources import health


@click.group()
def sources() -> None:
    """Source health and sources-file validation."""


def _row(h: dict) -> str:
    flag = " ".join(
        f for f, on in (("SILENT", h["silent"]), ("FAILING", h["consecutive_failures"])) if on
    )
    since = "-" if h["hours_since_new_item"] is None else f"{h['hours_since_new_item']:.0f}h"
    return (
        f"{h['name']:<28} {h['kind']:<8} {h['last_success'] or 'never':<26} "
        f"{h['consecutive_failures']:>5} {h['items_per_run']:>9} {since:>8}  {flag}"
        + (f"  ({h['last_error']})" if h["last_error"] else "")
    )


@sources.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Per source: last success, consecutive failures, items per run; flags silent sources
    (no new item for three times their usual rhythm) and failing ones."""
    rows = health(open_db(ctx, readonly=True))
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no sources yet: run `presswatch crawl` first")
        return
    click.echo(
        f"{'source':<28} {'kind':<8} {'last success':<26} {'fails':>5} {'items/run':>9} {'silence':>8}"
    )
    for h in rows:
        click.echo(_row(h))
    alarms = [h["name"] for h in rows if h["silent"] or h["consecutive_failures"]]
    click.echo(
        f"{len(alarms)} source(s) need attention: {', '.join(alarms)}"
        if alarms
        else "all sources healthy"
    )


@sources.command()
@click.argument(
    "file", type=click.Path(dir_okay=False, path_type=Path), default=Path("sources.yaml")
)
def check(file: Path) -> None:
    """Validate a sources file: every problem with its entry name and line; exit 1 if any."""
    good, problems = load_sources(file)
    for problem in problems:
        click.echo(str(problem), err=True)
    enabled = sum(1 for s in good if s.get("enabled", True))
    click.echo(f"{file}: {len(good)} valid entries ({enabled} enabled), {len(problems)} problem(s)")
    if problems:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(sources)
