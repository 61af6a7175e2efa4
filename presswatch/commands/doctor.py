"""``presswatch doctor``: integrity, migrations, full-text index, abandoned runs, accounts database."""

from __future__ import annotations

import click

from presswatch.context import db_path
from storage.archive import connect
from storage.doctor import diagnose


@click.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Check the archive: integrity, migrations applied, FTS in sync, no dangling rows, no run
    left running by a process that is gone (such a run is marked interrupted), and the accounts
    database (present, readable, owner-only, schema up to date).

    Exits 1 when any check fails.
    """
    checks = diagnose(connect(db_path(ctx), create=False))
    for check in checks:
        click.echo(f"{'ok  ' if check.ok else 'FAIL'} {check.name:<13} {check.detail}")
    if not all(c.ok for c in checks):
        ctx.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(doctor)
