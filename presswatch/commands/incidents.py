"""``presswatch incidents export``: accepted incidents, filtered like the review UI, as CSV/JSON.

Only the ``export`` verb lives here; if another module already registered an ``incidents``
group, ``export`` is added to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from presswatch.context import add_to_group, open_db
from reports.exports import FORMATS, Export, write
from storage.incidents import IncidentFilter
from storage.selections import select_incidents

OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)


def emit(export: Export, fmt: str, output: Path | None) -> None:
    """Write an export to a file or standard output, saying on stderr when it is partial."""
    if output is None:
        write(export, fmt, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            write(export, fmt, out)
        click.echo(f"wrote {len(export.rows)} {export.what} to {output}", err=True)
    if export.note:
        click.echo(f"partial export: {export.note}", err=True)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--category", help="A category (legal.civil) or a block (legal).")
@click.option("--outlet", help="Only incidents involving this outlet (canonical name).")
@click.option(
    "--status", help="Case status: reported, investigation, court, decision, appeal, closed."
)
@click.option("--since", metavar="YYYY-MM-DD", help="Event on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Event on or before this date.")
@click.option("--lang", help="Only incidents with a source article in this language.")
@click.option("--q", "q", help="Text in the title, summary, victims, outlets or place.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="At most this many (the file notes a partial export).",
)
@OUTPUT
@click.pass_context
def export_incidents(
    ctx: click.Context,
    fmt: str,
    category: str | None,
    outlet: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    lang: str | None,
    q: str | None,
    limit: int | None,
    output: Path | None,
) -> None:
    """Export accepted incidents as CSV or JSON (filters as in the review UI)."""
    filters = IncidentFilter(
        category=category, outlet=outlet, status=status, since=since, until=until, lang=lang, q=q
    )
    rows, total = select_incidents(open_db(ctx, readonly=True), filters, limit)
    emit(Export(rows, total, "incidents"), fmt, output)


@click.group("incidents")
def incidents() -> None:
    """Accepted incidents."""


def register(cli: click.Group) -> None:
    add_to_group(cli, incidents, export_incidents)
