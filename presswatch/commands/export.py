"""``presswatch export``: a table or a read-only query as CSV, JSON or JSON lines."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from presswatch.context import open_db
from storage.export import FORMATS, rows_of_query, rows_of_table, write_rows


@click.command()
@click.argument("table", required=False)
@click.option(
    "--query",
    "sql",
    help="A read-only query (SELECT, WITH or VALUES) to export instead of a table; writes, "
    "ATTACH, VACUUM INTO, pragmas that change settings and load_extension are refused.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.pass_context
def export(
    ctx: click.Context, table: str | None, sql: str | None, fmt: str, output: Path | None
) -> None:
    """Export TABLE, or the rows of --query SQL, as csv, json or jsonl."""
    if bool(table) == bool(sql):
        raise click.UsageError("give a TABLE or --query SQL (one of them)")
    db = open_db(ctx, readonly=True)
    rows = rows_of_query(db, sql) if sql else rows_of_table(db, table or "")
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        n = write_rows(rows, fmt, out)
    finally:
        if output:
            out.close()
    if output:
        click.echo(f"wrote {n} rows to {output}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(export)
