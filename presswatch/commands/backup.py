"""``presswatch backup``: a verified copy of the live archive and of its accounts database."""

from __future__ import annotations

from pathlib import Path

import click

from presswatch.context import open_db
from storage.accounts import accounts_path, open_accounts
from storage.backup import backup as run_backup


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, dest: Path) -> None:
    """Copy the archive to DEST with SQLite's online backup, then verify it (integrity_check).

    The accounts database (reviewers, sessions) goes beside it as DEST's ``-accounts`` file.
    Safe while the nightly run writes; DEST must not exist yet.
    """
    db = open_db(ctx)
    out = run_backup(db, dest)
    click.echo(f"backup written and verified: {out}")
    with open_accounts(db, readonly=True) as accounts:
        copy = run_backup(accounts, accounts_path(dest))
    copy.chmod(0o600)
    click.echo(f"accounts backup written and verified: {copy}")


def register(cli: click.Group) -> None:
    cli.add_command(backup)
