"""The nightly flow: crawl → extract → tag → detect → group → file, then a run summary.

Tasks are thin wrappers over plain functions in ``crawlers/``, ``nlp/`` and ``storage/``;
this module only orders them, fans them out and records what happened. Retries are only
where the network is (the per-source crawl). A failing or hanging source is isolated: the
flow ends ``Completed`` with the message "completed with failures", never ``Crashed``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows import stages
from flows.summary import summary_markdown

CHUNK = 50


@task(retries=2, retry_delay_seconds=[5, 30], task_run_name="crawl-{name}")
def crawl_source(db_path: str, sources_file: str, name: str, run_id: int, timeout: float) -> dict:
    return stages.crawl(db_path, sources_file, name, run_id, timeout)


@task(task_run_name="extract")
def extract_stage(db_path: str, run_id: int) -> dict:
    return stages.extract(db_path, run_id)


@task(task_run_name="tag-{first_id}")
def tag_chunk(db_path: str, ids: list[int], run_id: int, first_id: int) -> dict:
    return stages.tag(db_path, ids, run_id)


@task(task_run_name="detect-{first_id}")
def detect_chunk(db_path: str, ids: list[int], run_id: int, first_id: int) -> dict:
    return stages.detect(db_path, ids, run_id)


@task(task_run_name="group-and-file")
def group_stage(db_path: str, run_id: int) -> dict:
    return stages.group(db_path, run_id)


def _fan_out(fn: Any, db_path: str, ids: list[int], run_id: int) -> list[dict]:
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    futures = [fn.submit(db_path, c, run_id, first_id=c[0]) for c in chunks]
    return [f.result() for f in futures]


def _crawl_all(
    db_path: str, sources_file: str, names: list[str], run_id: int, timeout: float
) -> dict:
    futures = {n: crawl_source.submit(db_path, sources_file, n, run_id, timeout) for n in names}
    results: dict[str, dict] = {}
    for name, future in futures.items():
        future.wait()
        state = future.state
        if state.is_completed():
            results[name] = future.result()
        else:
            reason = str(state.message or state.name).splitlines()[0][:300]
            results[name] = stages.crawl_failed(db_path, name, run_id, reason)
    return results


@flow(
    name="nightly",
    log_prints=True,
    validate_parameters=False,
    # 2 cores; `presswatch nightly --dask N` swaps in a DaskTaskRunner with with_options
    task_runner=cast(Any, ThreadPoolTaskRunner(max_workers=2)),
)
def nightly(
    sources_file: str | None = None,
    db_path: str | None = None,
    sources: list[str] | None = None,
    source_timeout: float = 900.0,
    skip_crawl: bool = False,
) -> Any:
    """Run every stage once over the enabled sources of ``sources_file`` (default sources.yaml)."""
    started = time.perf_counter()
    db_path = str(db_path or stages.default_db())
    sources_file = str(sources_file or Path("sources.yaml"))
    run_id = stages.begin(db_path, sources_file)
    names = [] if skip_crawl else stages.enabled_sources(db_path, sources_file, sources)
    crawl = _crawl_all(db_path, sources_file, names, run_id, source_timeout)
    extract = extract_stage(db_path, run_id)
    tag = _fan_out(tag_chunk, db_path, stages.pending_ids(db_path, "tag"), run_id)
    detect = _fan_out(detect_chunk, db_path, stages.pending_ids(db_path, "detect"), run_id)
    group = group_stage(db_path, run_id)
    stats = stages.collect(crawl, extract, tag, detect, group, time.perf_counter() - started)
    text = summary_markdown(run_id, stats, stages.run_failures(db_path, run_id))
    create_markdown_artifact(
        markdown=text, key="nightly-summary", description="Nightly run summary"
    )
    status = stages.finish(db_path, run_id, stats, text)
    get_run_logger().info("nightly run #%s %s", run_id, status)
    return Completed(message=status, data=stats)
