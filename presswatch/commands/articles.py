"""``presswatch articles export``: archived articles, filtered, as CSV or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from presswatch.commands.incidents import OUTPUT, emit
from presswatch.context import add_to_group, open_db
from reports.exports import FORMATS, Export
from storage.selections import ArticleFilter, select_articles


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--outlet", help="Only this outlet.")
@click.option("--lang", help="Only this language (ru, kk, en…).")
@click.option("--source", help="Only this source (registry name).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this date.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="At most this many (the file notes a partial export).",
)
@OUTPUT
@click.pass_context
def export_articles(
    ctx: click.Context,
    fmt: str,
    outlet: str | None,
    lang: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    output: Path | None,
) -> None:
    """Export articles (with their text) as CSV or JSON."""
    rows, total = select_articles(
        open_db(ctx, readonly=True), ArticleFilter(outlet, lang, source, since, until), limit
    )
    emit(Export(rows, total, "articles"), fmt, output)


@click.group("articles")
def articles() -> None:
    """Archived articles."""


def register(cli: click.Group) -> None:
    add_to_group(cli, articles, export_articles)
