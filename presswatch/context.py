"""What a subcommand needs from the CLI context: the archive, opened and migrated."""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

from storage.accounts import open_accounts
from storage.archive import connect
from storage.errors import MigrationError
from storage.migrations import pending


def db_path(ctx: click.Context) -> Path:
    return Path(ctx.find_root().obj["db_path"])


def open_db(ctx: click.Context, *, readonly: bool = False) -> sqlite_utils.Database:
    """The archive of ``--db``; it must exist and be up to date (``presswatch init``)."""
    db = connect(db_path(ctx), readonly=readonly, create=False)
    todo = pending(db)
    if todo:
        raise MigrationError(
            f"archive needs upgrading ({len(todo)} pending migrations): run `presswatch init`"
        )
    return db


def open_accounts_db(ctx: click.Context, *, readonly: bool = False) -> sqlite_utils.Database:
    """The accounts database (reviewers, sessions) beside the archive of ``--db``."""
    open_db(ctx, readonly=True).close()  # exists and is migrated (m010 creates the accounts)
    return open_accounts(db_path(ctx), readonly=readonly)


def add_to_group(cli: click.Group, group: click.Group, command: click.Command) -> None:
    """Add ``command`` under the group named like ``group``, registering ``group`` first unless
    another command module already did (several modules share ``incidents``, ``articles``)."""
    existing = cli.commands.get(group.name or "")
    target = existing if isinstance(existing, click.Group) else group
    if target is group:
        cli.add_command(group)
    target.add_command(command)
