"""The ``presswatch`` command: one entry point, subcommands as verbs.

Each module in ``presswatch/commands/`` defines click commands and a ``register(cli)``
function; they are found automatically, so adding a verb never edits this file.
Errors are translated here, at the boundary: a one-line message, exit status 1, no traceback.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import click

from presswatch import commands
from storage.archive import default_db_path
from storage.errors import PresswatchError


class Presswatch(click.Group):
    """Translate named errors into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PresswatchError as exc:
            raise click.ClickException(
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            ) from exc
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.group(cls=Presswatch, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="PRESSWATCH_DB",
    default=None,
    show_envvar=True,
    help="Archive file (default: ./data/presswatch.db).",
)
@click.version_option(package_name="presswatch")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Presswatch: crawl the news, tag it, file candidate press-freedom incidents for review,
    and keep everything in one SQLite archive."""
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path or default_db_path()


def load_commands(group: click.Group) -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"presswatch.commands.{info.name}")
        register = getattr(module, "register", None)
        if register:
            register(group)


load_commands(cli)


def main() -> None:
    cli(prog_name="presswatch")
