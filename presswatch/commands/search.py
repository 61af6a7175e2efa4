"""``presswatch search``: full-text search of the archive's articles."""

from __future__ import annotations

import json

import click

from presswatch.context import open_db
from storage.search import Filters
from storage.search import search as run_search


@click.command()
@click.argument("query")
@click.option("--outlet", help="Only this outlet.")
@click.option("--lang", type=click.Choice(["ru", "kk", "en", "other"]), help="Only this language.")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this date.")
@click.option("--rank", is_flag=True, help="Order by relevance instead of newest first.")
@click.option("--limit", default=20, show_default=True, help="How many results.")
@click.option("--raw", is_flag=True, help="Pass QUERY as FTS5 syntax (AND, OR, NEAR, prefix*).")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON lines.")
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    outlet: str | None,
    lang: str | None,
    since: str | None,
    until: str | None,
    rank: bool,
    limit: int,
    raw: bool,
    as_json: bool,
) -> None:
    """Search article titles and texts; newest first, with snippets ([matches] in brackets)."""
    rows = run_search(
        open_db(ctx, readonly=True),
        query,
        filters=Filters(outlet, lang, since, until),
        rank=rank,
        limit=limit,
        raw=raw,
    )
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        click.echo(
            f"{(row['published_at'] or '')[:10]}  {row['outlet'] or '-'}  {row['title'] or row['url']}"
        )
        click.echo("    " + " ".join((row["snippet"] or "").split()))
        click.echo(f"    {row['url']}")
    if not rows and not as_json:
        click.echo("no matches")


def register(cli: click.Group) -> None:
    cli.add_command(search)
