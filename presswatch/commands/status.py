"""``presswatch status``: counts per table, last runs, archive size."""

from __future__ import annotations

import json

import click

from presswatch.context import db_path, open_db
from storage.status import status as archive_status


def human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Show counts per table, the last runs and the archive's size on disk."""
    info = archive_status(open_db(ctx, readonly=True), db_path(ctx))
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(f"archive: {info['path']} ({human(info['size_bytes'])})")
    for table, n in info["tables"].items():
        click.echo(f"  {table:<20} {n:>10,}")
    click.echo("last runs:" if info["last_runs"] else "last runs: none yet")
    for run in info["last_runs"]:
        click.echo(
            f"  #{run['id']} {run['kind']:<8} {run['started_at']} {run['status']}"
            + (f" — {run['summary'].splitlines()[0]}" if run.get("summary") else "")
        )


def register(cli: click.Group) -> None:
    cli.add_command(status)
