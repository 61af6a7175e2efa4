"""What a subcommand needs from the CLI context: the archive, opened and migrated."""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

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
