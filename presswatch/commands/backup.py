"""``presswatch backup``: a verified copy of the live archive."""

from __future__ import annotations

from pathlib import Path

import click

from presswatch.context import open_db
from storage.backup import backup as run_backup


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, dest: Path) -> None:
    """Copy the archive to DEST with SQLite's online backup, then verify it (integrity_check).

    Safe while the nightly run writes; DEST must not exist yet.
    """
    out = run_backup(open_db(ctx), dest)
    click.echo(f"backup written and verified: {out}")


def register(cli: click.Group) -> None:
    cli.add_command(backup)
