"""``presswatch init``: create or upgrade the archive and load the source registry."""

from __future__ import annotations

from pathlib import Path

import click

from crawlers.registry import load_sources
from presswatch.context import db_path
from storage.archive import connect
from storage.migrations import migrate, upgrade_accounts
from storage.sources import upsert_sources

DEFAULT_SOURCES = Path("sources.yaml")


@click.command()
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Source registry to load (default: ./sources.yaml if present).",
)
@click.pass_context
def init(ctx: click.Context, sources_file: Path | None) -> None:
    """Create or upgrade the archive, then load sources.yaml.

    Safe to run again: applied migrations are skipped and sources are upserted by name.
    A malformed source entry is reported with its line; the others still load.
    """
    path = db_path(ctx)
    db = connect(path)
    done = migrate(db)
    click.echo(f"archive {path}: " + (f"applied {', '.join(done)}" if done else "up to date"))
    repaired = upgrade_accounts(db)
    if repaired:
        click.echo(f"accounts database: added {', '.join(repaired)}")
    if sources_file is None and DEFAULT_SOURCES.exists():
        sources_file = DEFAULT_SOURCES
    if sources_file is None:
        click.echo("no sources file; skipped loading sources")
        return
    good, problems = load_sources(sources_file)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    n = upsert_sources(db, good)
    click.echo(
        f"loaded {n} sources from {sources_file}"
        + (f" ({len(problems)} skipped)" if problems else "")
    )


def register(cli: click.Group) -> None:
    cli.add_command(init)
