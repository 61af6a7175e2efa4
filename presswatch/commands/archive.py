"""``presswatch archive serve``: browse the archive with Datasette, read-only."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from presswatch import locales
from presswatch.context import db_path, open_db
from reports.datasette_meta import write_metadata
from storage.canned import articles_fts_key
from storage.redacted_copy import redacted_copy
from storage.redactions import redacted_strings


def datasette_command(db: Path, metadata: Path, host: str, port: int) -> list[str]:
    """The Datasette server command line. The archive is served as a mutable database, which
    Datasette reads through ``file:…?mode=ro`` connections: nothing is written, and accepted
    incidents appear without a restart."""
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(metadata),
        "--setting",
        "sql_time_limit_ms",
        "5000",
        "--setting",
        "max_returned_rows",
        "5000",
    ]


def run_until_stopped(command: list[str]) -> int:
    """Run the server; Ctrl-C or SIGTERM stops it (and never leaves it running orphaned)."""
    proc = subprocess.Popen(command)
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@click.group()
def archive() -> None:
    """Browse and query the archive."""


@archive.command()
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (loopback by default; SQL can read every table).",
)
@click.option(
    "--unredacted",
    is_flag=True,
    help="Serve the archive as it is, redacted people and passages included (reviewers only).",
)
@click.option(
    "--lang",
    type=click.Choice(locales.LANGS),
    default=None,
    help="Language of the canned queries' titles [default: PRESSWATCH_LANG or LANG, else en].",
)
@click.pass_context
def serve(ctx: click.Context, port: int, host: str, unredacted: bool, lang: str | None) -> None:
    """Run Datasette over the archive: table and column descriptions, full-text search on
    articles, canned queries. When anything is redacted, it serves a redacted snapshot taken at
    start (non-reviewers see "[redacted]"), unless --unredacted. Stops with Ctrl-C."""
    db = open_db(ctx, readonly=True)  # also: exists and is migrated
    fts_pk = articles_fts_key(db)
    path = db_path(ctx)
    with tempfile.TemporaryDirectory(prefix="presswatch-datasette-") as tmp:
        served = path
        if redacted_strings(db) and not unredacted:
            served = redacted_copy(path, Path(tmp) / path.name)
            click.echo(f"redacted snapshot of {path} (as of now)", err=True)
        meta = write_metadata(
            Path(tmp) / "metadata.json", path.stem, fts_pk, lang or locales.from_environment()
        )
        click.echo(f"serving {served} read-only at http://{host}:{port}/", err=True)
        code = run_until_stopped(datasette_command(served, meta, host, port))
    if code:
        raise click.ClickException(f"datasette exited with status {code}")


def register(cli: click.Group) -> None:
    cli.add_command(archive)
