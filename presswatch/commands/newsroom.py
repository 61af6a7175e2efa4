"""``presswatch newsroom``: serve the demo newsroom on loopback until Ctrl-C."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import click

from presswatch.newsroom.faults import DEFAULT_DELAY


def describe(base: str, site, sources: Path | None) -> list[str]:
    from presswatch.newsroom.outlets import ALL_OUTLETS

    lines = [f"demo newsroom at {base}/  (robots: {base}/robots.txt)"]
    for slug in site.slugs():
        o = ALL_OUTLETS[slug]
        lines.append(f"  {base}/{slug}/  {o.name} [{o.lang}] — {o.structure}")
    lines.append(
        f"  {len(site.articles)} written articles"
        + (f", {site.bulk.n} generated" if site.bulk else "")
        + ("; fault outlet on" if site.faults else "")
    )
    if sources:
        lines.append(f"sources written to {sources}: presswatch crawl --sources {sources}")
    return lines


@click.command()
@click.option(
    "--port", type=int, default=8765, show_default=True, help="TCP port (0 = any free port)."
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind (keep it loopback)."
)
@click.option(
    "--write-sources",
    "sources",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a sources.yaml for crawling this newsroom.",
)
@click.option(
    "--generated",
    type=int,
    default=0,
    show_default=True,
    help="Serve N generated articles under /bulk-news/ (benchmarks).",
)
@click.option(
    "--no-faults",
    is_flag=True,
    help="Do not serve the faulty-wire outlet (nor list it in sources).",
)
@click.option(
    "--slow-delay",
    type=float,
    default=DEFAULT_DELAY,
    show_default=True,
    help="Seconds the slow fault page sleeps, as linked from the faulty-wire feed in the sources file.",
)
@click.option("--verbose", is_flag=True, help="Log every request to stderr.")
def newsroom(
    port: int,
    host: str,
    sources: Path | None,
    generated: int,
    no_faults: bool,
    slow_delay: float,
    verbose: bool,
) -> None:
    """Serve the fictional demo newsroom (outlets, court portal, faults) until Ctrl-C."""
    from presswatch.newsroom import start, write_sources

    stop_on_signals()
    room = start(port=port, host=host, generated=generated, faults=not no_faults, verbose=verbose)
    try:
        if sources:
            write_sources(
                sources,
                room.base_url,
                include_faults=not no_faults,
                generated=generated,
                slow_delay=slow_delay,
            )
        for line in describe(room.base_url, room.site, sources):
            click.echo(line)
        click.echo("serving; press Ctrl-C to stop")
        threading.Event().wait()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        room.stop()


def stop_on_signals() -> None:
    """Ctrl-C (SIGINT) and ``kill`` (SIGTERM) stop the server, also when it was started as a
    background job of a non-interactive shell, which starts it with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def register(cli: click.Group) -> None:
    cli.add_command(newsroom)
