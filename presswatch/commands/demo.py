"""``presswatch demo``: the main job end to end against the bundled demo newsroom."""

from __future__ import annotations

import os
from pathlib import Path

import click

from presswatch.context import db_path
from storage.archive import connect
from storage.migrations import migrate

DEMO_REVIEWER = ("demo", "demo-password")


def prepare(db: Path) -> None:
    from storage.accounts import open_accounts
    from storage.reviewers import add_reviewer

    database = connect(db)
    migrate(database)
    add_reviewer(open_accounts(database), DEMO_REVIEWER[0], DEMO_REVIEWER[1], "editor")


def serve_review(db: Path, host: str, port: int) -> None:
    from waitress import serve

    from review.app import create_app

    app = create_app(db, os.environ.get("PRESSWATCH_REVIEW_SECRET"))
    click.echo(
        f"\nreview app: http://{host}:{port}/  (log in as "
        f"{DEMO_REVIEWER[0]} / {DEMO_REVIEWER[1]}; Ctrl-C to stop)"
    )
    serve(app, host=host, port=port, threads=4, ident="presswatch")


@click.command()
@click.option(
    "--newsroom-port",
    default=8899,
    show_default=True,
    help="Port of the demo newsroom (fixed, so re-runs crawl the same URLs).",
)
@click.option("--port", default=8765, show_default=True, help="Port of the review app.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address of the review app.")
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    help="Serve the review app after the run.",
)
@click.option("--timeout", default=120.0, show_default=True, help="Seconds per source crawl.")
@click.pass_context
def demo(
    ctx: click.Context, newsroom_port: int, port: int, host: str, serve: bool, timeout: float
) -> None:
    """Start the demo newsroom, run the nightly pipeline against it, print the summary,
    then serve the review app with a demo reviewer (demo / demo-password). The summary is in
    the terminal's language (PRESSWATCH_LANG or LANG: en, ru, kk).

    Running it again is safe: nothing is crawled or filed twice.
    """
    from presswatch import locales
    from presswatch.commands.nightly import run_nightly, run_summary
    from presswatch.newsroom.server import start
    from presswatch.newsroom.sources import write_sources

    db = db_path(ctx)
    prepare(db)
    sources = db.parent / "demo-sources.yaml"
    with start(port=newsroom_port) as newsroom:
        write_sources(sources, newsroom.base_url)
        click.echo(f"demo newsroom on {newsroom.base_url}; sources in {sources}")
        run_nightly(db, sources, [], timeout)
        click.echo(run_summary(db, locales.from_environment()))
        if serve:
            serve_review(db, host, port)


def register(cli: click.Group) -> None:
    cli.add_command(demo)
