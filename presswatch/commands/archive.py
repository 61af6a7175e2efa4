"""``presswatch archive serve``: browse the archive with Datasette, read-only."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from presswatch import locales
from presswatch.context import db_path, open_db
from reports.datasette_meta import write_metadata
from storage.archive import connect
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


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def supervise(command: Callable[[], list[str]], changed: Callable[[], bool], every: float) -> int:
    """Run ``command()``; every ``every`` seconds ask ``changed()`` and, when it says so, stop the
    server and start ``command()`` again (a fresh snapshot). Ctrl-C or SIGTERM stops it."""
    proc = subprocess.Popen(command())
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            try:
                return proc.wait(timeout=every)
            except subprocess.TimeoutExpired:
                if changed():
                    _stop(proc)
                    proc = subprocess.Popen(command())
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(proc)


class Snapshots:
    """What ``serve`` hands Datasette: the archive itself while nothing is redacted (or with
    ``--unredacted``), else a redacted snapshot, taken again whenever the redactions change."""

    def __init__(self, path: Path, folder: Path, unredacted: bool):
        self.path, self.folder, self.unredacted = path, folder, unredacted
        self.taken: tuple[str, ...] | None = None
        self.generation = 0

    def current(self) -> tuple[str, ...]:
        if self.unredacted:
            return ()
        db = connect(self.path, readonly=True, create=False)
        try:
            return tuple(sorted(redacted_strings(db)))
        finally:
            db.close()

    def changed(self) -> bool:
        return self.current() != self.taken

    def take(self) -> Path:
        self.taken = self.current()
        if not self.taken:
            return self.path
        self.generation += 1
        out = self.folder / f"snapshot-{self.generation}" / self.path.name
        out.parent.mkdir()
        redacted_copy(self.path, out)
        old = self.folder / f"snapshot-{self.generation - 1}"
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
        click.echo(f"redacted snapshot of {self.path} ({len(self.taken)} redactions)", err=True)
        return out


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
@click.option(
    "--check-every",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.2, 3600),
    help="Seconds between checks of the redactions; a change restarts Datasette on a new snapshot.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    port: int,
    host: str,
    unredacted: bool,
    lang: str | None,
    check_every: float,
) -> None:
    """Run Datasette over the archive: table and column descriptions, full-text search on
    articles, canned queries. When anything is redacted, it serves a redacted snapshot
    (non-reviewers see "[redacted]"), unless --unredacted; a redaction added or lifted while it
    runs is picked up within --check-every seconds (a new snapshot, Datasette restarted on the
    same port). Stops with Ctrl-C."""
    db = open_db(ctx, readonly=True)  # also: exists and is migrated
    fts_pk = articles_fts_key(db)
    path = db_path(ctx)
    with tempfile.TemporaryDirectory(prefix="presswatch-datasette-") as tmp:
        meta = write_metadata(
            Path(tmp) / "metadata.json", path.stem, fts_pk, lang or locales.from_environment()
        )
        snapshots = Snapshots(path, Path(tmp), unredacted)

        def command() -> list[str]:
            served = snapshots.take()
            click.echo(f"serving {served} read-only at http://{host}:{port}/", err=True)
            return datasette_command(served, meta, host, port)

        code = supervise(command, snapshots.changed, check_every)
    if code:
        raise click.ClickException(f"datasette exited with status {code}")


def register(cli: click.Group) -> None:
    cli.add_command(archive)
