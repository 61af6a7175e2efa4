"""``presswatch nightly``: the nightly flow, run here without a Prefect server."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, cast

import click

from presswatch import locales
from presswatch.context import db_path
from presswatch.interruption import interruptible, stop_children
from storage.errors import Interrupted

ADDRESS = re.compile(r"(?:tcp|tls)://(?:\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+):\d{1,5}")


class DaskTarget(click.ParamType):
    """``--dask``: a number of local worker processes, or a scheduler address."""

    name = "N|ADDRESS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value).strip()
        if text.isdigit():
            return int(text)
        if ADDRESS.fullmatch(text):
            return text
        self.fail(f"{value!r} is neither a number of workers nor tcp://HOST:PORT", param, ctx)


def dask_runner(target: int | str) -> Any:
    """A DaskTaskRunner: on the scheduler at ``target`` (an address), or on a local cluster of
    ``target`` worker processes that Prefect starts and stops with the flow."""
    from prefect_dask import DaskTaskRunner

    if isinstance(target, str):
        return DaskTaskRunner(address=target)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": target, "threads_per_worker": 1, "processes": True}
    )


def run_nightly(
    db: Path,
    sources: Path,
    names: list[str],
    timeout: float,
    dask_workers: int | str | None = None,
    crawl_batch: int = 200,
) -> Any:
    """Run the nightly flow in this process (Prefect starts a temporary API if none is set).

    ``dask_workers``: run tag and detect on Dask: N local worker processes, or the address
    (``tcp://host:port``) of a running scheduler; none or 0 keeps the flow's thread pool."""
    # a loaded machine can take more than Prefect's default 20 s to start the temporary API;
    # and nothing here may phone home (the machines have no general network)
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.nightly import nightly

    flow = nightly
    if dask_workers:
        runner = dask_runner(dask_workers)
        flow = nightly.with_options(task_runner=cast(Any, runner))  # a TaskRunner; stubs disagree
    return flow(
        sources_file=str(sources),
        db_path=str(db),
        sources=names or None,
        source_timeout=timeout,
        crawl_batch_size=crawl_batch,
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
    "--crawl-batch",
    default=200,
    show_default=True,
    type=click.IntRange(min=1),
    help="Sources crawled by one crawl process (the batches run two at a time).",
)
@click.option(
    "--dask",
    "dask_target",
    type=DaskTarget(),
    default=None,
    help="Run the tag and detect stages on Dask: N starts a local cluster of N worker "
    "processes; tcp://HOST:PORT uses a running scheduler. Workers only compute (they never "
    "open the archive); this process writes their results.",
)
@click.pass_context
def nightly(
    ctx: click.Context,
    sources_file: Path,
    names: tuple[str, ...],
    timeout: float,
    crawl_batch: int,
    dask_target: int | str | None,
) -> None:
    """Run the nightly pipeline once: crawl, extract, tag, detect, group, file candidates.

    Prints the run summary in the terminal's language (PRESSWATCH_LANG or LANG: en, ru, kk;
    also stored in English in the archive's runs table and, under a Prefect
    server, as a markdown artifact). A failing source is recorded and the run goes on.
    SIGTERM or SIGHUP stops the crawls, records the run interrupted and exits with 128 + the
    signal; the next run resumes the pending work.
    """
    try:
        with interruptible():
            run_nightly(db_path(ctx), sources_file, list(names), timeout, dask_target, crawl_batch)
    except Interrupted as exc:
        stopped(ctx, exc.signum)
    click.echo(run_summary(db_path(ctx), locales.from_environment()))


def run_summary(db: Path, lang: str) -> str:
    """The last run's summary in ``lang`` (the archive stores it in English)."""
    from flows.summary import summary_markdown
    from storage.archive import connect
    from storage.runs import failures, last_runs

    archive = connect(db)
    run = last_runs(archive, 1)[0]
    stats = json.loads(run.get("stats") or "{}")
    if lang == locales.DEFAULT or "failed_sources" not in stats:
        return run["summary"] or run["status"]
    return summary_markdown(run["id"], stats, failures(archive, run["id"]), lang)


def stopped(ctx: click.Context, signum: int) -> None:
    """After a stop signal: the children are stopped (the crawls close and record their sources),
    this process's runs are recorded interrupted, and the command exits with 128 + signal."""
    from storage.archive import connect
    from storage.runs import interrupt_own_runs

    stop_children()
    ids = interrupt_own_runs(connect(db_path(ctx)), f"interrupted by signal {signum}")
    click.echo(
        f"nightly run {', '.join(f'#{i}' for i in ids)} interrupted by signal {signum}", err=True
    )
    ctx.exit(128 + signum)


def register(cli: click.Group) -> None:
    cli.add_command(nightly)
