"""The nightly flow: crawl → extract → tag → detect → group → file, then a run summary.

Tasks are thin wrappers over plain functions in ``crawlers/``, ``nlp/`` and ``storage/``;
this module only orders them, fans them out and records what happened. Retries are only
where the network is (the crawl). The sources are crawled in batches (``crawl_batch_size``), one
crawl process per batch running the same source queue as ``presswatch crawl``; a failing or
hanging source is isolated (its own failure record, its own timeout): the flow ends
``Completed`` with the message "completed with failures", never ``Crashed``.

Tag and detect fan out by id chunks with one writer: the flow reads a chunk's rows and submits
them to the task runner (threads by default, Dask worker processes with ``--dask``, local or
remote), the worker only computes and returns plain data, and the flow's process saves it. So a
worker never opens the archive and the same flow runs against a remote Dask scheduler.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows import stages
from flows.summary import summary_markdown

CHUNK = 50
IN_FLIGHT = 16  # chunks submitted ahead of the writer: bounds the rows held in memory


@task(retries=2, retry_delay_seconds=[5, 30], task_run_name="crawl-{first}+{count}")
def crawl_batch(
    db_path: str,
    sources_file: str,
    names: list[str],
    run_id: int,
    timeout: float,
    first: str,
    count: int,
) -> dict:
    """One crawl process for a batch of sources (a retry crawls only those not yet recorded)."""
    return stages.timed_batch(db_path, sources_file, names, run_id, timeout)


@task(task_run_name="extract")
def extract_stage(db_path: str, run_id: int) -> dict:
    return stages.extract(db_path, run_id)


@task(task_run_name="tag-{first_id}", cache_policy=NO_CACHE)
def tag_chunk(articles: list[dict], entries: tuple, first_id: int) -> dict:
    """On a worker (a thread, or a Dask process anywhere): analysis only, no archive."""
    return stages.tag_compute(articles, entries)


@task(task_run_name="save-tags-{first_id}", cache_policy=NO_CACHE)
def save_tags(db_path: str, computed: dict, run_id: int, first_id: int) -> dict:
    """In the flow's process, the one writer: store a tag chunk's results."""
    return stages.tag_save(db_path, computed, run_id)


@task(task_run_name="detect-{first_id}", cache_policy=NO_CACHE)
def detect_chunk(inputs: list[dict], first_id: int) -> dict:
    """On a worker: signals from the shipped rows, no archive."""
    return stages.detect_compute(inputs)


@task(task_run_name="save-signals-{first_id}", cache_policy=NO_CACHE)
def save_signals(db_path: str, computed: dict, run_id: int, first_id: int) -> dict:
    """In the flow's process, the one writer: store a detect chunk's signals."""
    return stages.detect_save(db_path, computed, run_id)


@task(task_run_name="group-and-file")
def group_stage(db_path: str, run_id: int) -> dict:
    return stages.group(db_path, run_id)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    return (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))


def _tag_work(db_path: str, ids: list[int]) -> Iterator[tuple[int, dict]]:
    entries = stages.registry(db_path)
    for chunk in _chunks(ids):
        yield chunk[0], {"articles": stages.tag_inputs(db_path, chunk), "entries": entries}


def _detect_work(db_path: str, ids: list[int]) -> Iterator[tuple[int, dict]]:
    for chunk in _chunks(ids):
        yield chunk[0], {"inputs": stages.detect_inputs(db_path, chunk)}


def _fan_out(
    compute: Any, save: Any, work: Iterator[tuple[int, dict]], db_path: str, run_id: int
) -> list[dict]:
    """Submit each chunk's compute to the task runner (at most ``IN_FLIGHT`` ahead of the writer)
    and save its result here, in the flow's process, in chunk order: workers only compute."""
    flight: deque[tuple[int, Any]] = deque()
    done: list[dict] = []
    for first_id, params in work:
        flight.append((first_id, compute.submit(**params, first_id=first_id)))
        if len(flight) >= IN_FLIGHT:
            done.append(_save_next(save, flight, db_path, run_id))
    while flight:
        done.append(_save_next(save, flight, db_path, run_id))
    return done


def _save_next(save: Any, flight: deque, db_path: str, run_id: int) -> dict:
    first_id, future = flight.popleft()
    return save(db_path, future.result(), run_id, first_id=first_id)  # called, not submitted


def _crawl_all(
    db_path: str, sources_file: str, names: list[str], run_id: int, timeout: float, size: int
) -> dict:
    """The sources in batches of ``size``, one crawl process each (two at a time on the flow's
    runner); a batch that failed after its retries has its unrecorded sources recorded failed."""
    futures = [
        (
            batch,
            crawl_batch.submit(db_path, sources_file, batch, run_id, timeout, batch[0], len(batch)),
        )
        for batch in stages.batches(names, size)
    ]
    results: dict[str, dict] = {}
    for batch, future in futures:
        future.wait()
        state = future.state
        if state.is_completed():
            results.update(future.result())
            continue
        reason = str(state.message or state.name).splitlines()[0][:300]
        results.update(stages.batch_failed(db_path, batch, run_id, reason))
    return {n: results[n] for n in names if n in results}


@flow(
    name="nightly",
    log_prints=True,
    validate_parameters=False,
    # 2 cores; `presswatch nightly --dask N|ADDRESS` swaps in a DaskTaskRunner with with_options
    task_runner=cast(Any, ThreadPoolTaskRunner(max_workers=2)),
)
def nightly(
    sources_file: str | None = None,
    db_path: str | None = None,
    sources: list[str] | None = None,
    source_timeout: float = 900.0,
    skip_crawl: bool = False,
    crawl_batch_size: int = 200,
) -> Any:
    """Run every stage once over the enabled sources of ``sources_file`` (default sources.yaml)."""
    started = time.perf_counter()
    db_path = str(db_path or stages.default_db())
    sources_file = str(sources_file or Path("sources.yaml"))
    run_id = stages.begin(db_path, sources_file)
    names = [] if skip_crawl else stages.enabled_sources(db_path, sources_file, sources)
    crawl = _crawl_all(db_path, sources_file, names, run_id, source_timeout, crawl_batch_size)
    extract = extract_stage(db_path, run_id)
    tagging = _tag_work(db_path, stages.pending_ids(db_path, "tag"))
    tag = _fan_out(tag_chunk, save_tags, tagging, db_path, run_id)
    detecting = _detect_work(db_path, stages.pending_ids(db_path, "detect"))
    detect = _fan_out(detect_chunk, save_signals, detecting, db_path, run_id)
    group = group_stage(db_path, run_id)
    stats = stages.collect(crawl, extract, tag, detect, group, time.perf_counter() - started)
    text = summary_markdown(run_id, stats, stages.run_failures(db_path, run_id))
    create_markdown_artifact(
        markdown=text, key="nightly-summary", description="Nightly run summary"
    )
    status = stages.finish(db_path, run_id, stats, text)
    get_run_logger().info("nightly run #%s %s", run_id, status)
    return Completed(message=status, data=stats)
