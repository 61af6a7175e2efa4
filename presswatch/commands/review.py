"""``presswatch review``: serve the reviewers' web app with waitress (localhost by default)."""

from __future__ import annotations

import os

import click

from presswatch.context import db_path, open_accounts_db

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; anything but loopback exposes the app to the network.",
)
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--threads", default=4, show_default=True, type=int)
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure (behind HTTPS).")
@click.pass_context
def review(ctx: click.Context, host: str, port: int, threads: int, secure_cookies: bool) -> None:
    """Serve the review app. Session key: $PRESSWATCH_REVIEW_SECRET (else random per start)."""
    from waitress import serve

    from review.app import create_app

    open_accounts_db(ctx).close()  # fail early, in one line, if the archive is missing or old
    if host not in LOOPBACK:
        click.echo(
            f"warning: binding {host}: the review app is reachable from the network", err=True
        )
    app = create_app(
        db_path(ctx), os.environ.get("PRESSWATCH_REVIEW_SECRET"), secure_cookies=secure_cookies
    )
    click.echo(f"review app on http://{host}:{port}/ (archive {db_path(ctx)})", err=True)
    serve(app, host=host, port=port, threads=threads, ident="presswatch")


def register(cli: click.Group) -> None:
    cli.add_command(review)
