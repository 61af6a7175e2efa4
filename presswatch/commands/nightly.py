"""``presswatch nightly``: the nightly flow, run here without a Prefect server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

import click

from presswatch.context import db_path


def run_nightly(
    db: Path, sources: Path, names: list[str], timeout: float, dask_workers: int = 0
) -> Any:
    """Run the nightly flow in this process (Prefect starts a temporary API if none is set)."""
    # a loaded machine can take more than Prefect's default 20 s to start the temporary API;
    # and nothing here may phone home (the machines have no general network)
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.nightly import nightly

    flow = nightly
    if dask_workers:
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(
            cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1, "processes": True}
        )
        flow = nightly.with_options(task_runner=cast(Any, runner))  # a TaskRunner; stubs disagree
    return flow(
        sources_file=str(sources), db_path=str(db), sources=names or None, source_timeout=timeout
    )


@click.command()
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("sources.yaml"),
    show_default=True,
    help="Source registry to crawl.",
)
@click.option("--source", "names", multiple=True, help="Only these sources (repeatable).")
@click.option(
    "--timeout",
    default=900.0,
    show_default=True,
    help="Seconds before a source's crawl is abandoned.",
)
@click.option(
    "--dask",
    "dask_workers",
    default=0,
    type=int,
    help="Run the stages on a local Dask cluster of this many workers.",
)
@click.pass_context
def nightly(
    ctx: click.Context,
    sources_file: Path,
    names: tuple[str, ...],
    timeout: float,
    dask_workers: int,
) -> None:
    """Run the nightly pipeline once: crawl, extract, tag, detect, group, file candidates.

    Prints the run summary (also stored in the archive's runs table and, under a Prefect
    server, as a markdown artifact). A failing source is recorded and the run goes on.
    """
    from storage.archive import connect
    from storage.runs import last_runs

    run_nightly(db_path(ctx), sources_file, list(names), timeout, dask_workers)
    run = last_runs(connect(db_path(ctx)), 1)[0]
    click.echo(run["summary"] or run["status"])


def register(cli: click.Group) -> None:
    cli.add_command(nightly)
