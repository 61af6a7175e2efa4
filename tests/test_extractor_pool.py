"""The extraction pool: real worker processes on a real event loop; errors, crashes, timeouts."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from crawlers.extractor_pool import (
    ExtractionTimeout,
    ExtractorCrashed,
    ExtractorPool,
    auto_workers,
)
from crawlers.page_job import extract_page
from storage.errors import ExtractionError

TESTS = Path(__file__).parent
PAGE = (
    "<html><head><title>Вести Степи</title><meta charset='utf-8'></head><body><article>"
    + "<p>Журналист газеты «Вести Степи» Арман Сапаров сообщил о нападении на редакцию.</p>" * 4
    + "</article></body></html>"
).encode()


@pytest.fixture(autouse=True)
def targets_on_path(monkeypatch):
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])
    )
    monkeypatch.syspath_prepend(str(TESTS))


def run(pool: ExtractorPool, jobs: list) -> list:
    async def main():
        return await asyncio.gather(*(pool.run(j) for j in jobs), return_exceptions=True)

    try:
        return asyncio.run(main())
    finally:
        pool.close()


def test_worker_result_equals_inline_result():
    job = {"url": "http://vesti.example/a/1", "body": PAGE, "content_type": "text/html"}
    (in_worker,) = run(ExtractorPool(1), [job])
    assert in_worker == extract_page(job)
    assert in_worker["article"]["lang"] == "ru"
    assert in_worker["article"]["title"] == "Вести Степи"


def test_jobs_spread_over_workers_and_come_back_in_order():
    results = run(ExtractorPool(2, "pool_targets:echo"), list(range(40)))
    assert [r["job"] for r in results] == list(range(40))
    assert len({r["pid"] for r in results}) == 2
    assert os.getpid() not in {r["pid"] for r in results}


def test_an_exception_in_the_target_is_an_extraction_error_for_that_job_only():
    results = run(ExtractorPool(1, "pool_targets:fail_on_odd"), [0, 1, 2, 3])
    assert results[0] == 0 and results[2] == 2
    assert isinstance(results[1], ExtractionError) and "ValueError: odd job 1" in str(results[1])
    assert isinstance(results[3], ExtractionError)


def test_inline_pool_reports_errors_the_same_way():
    results = run(ExtractorPool(0, "pool_targets:fail_on_odd"), [0, 1])
    assert results[0] == 0
    assert isinstance(results[1], ExtractionError) and "odd job 1" in str(results[1])


def test_a_crash_fails_its_own_job_and_the_queued_jobs_run_on_a_new_worker():
    jobs = [1, 2, -1, 3, 4, 5, 6]
    results = run(ExtractorPool(1, "pool_targets:crash_on_negative"), jobs)
    assert isinstance(results[2], ExtractorCrashed)
    assert "exit status 9" in str(results[2])
    assert [r for i, r in enumerate(results) if i != 2] == [1, 2, 3, 4, 5, 6]


def test_a_job_over_the_timeout_restarts_its_worker_and_the_next_jobs_succeed():
    pool = ExtractorPool(1, "pool_targets:sleep", timeout=1.0)

    async def main():
        slow = await asyncio.gather(pool.run(30), return_exceptions=True)
        after = await asyncio.gather(pool.run(0), pool.run(0.01))
        return slow[0], after

    try:
        slow, after = asyncio.run(main())
    finally:
        pool.close()
    assert isinstance(slow, ExtractionTimeout)
    assert after == [0, 0.01]


def test_workers_that_die_on_start_fall_back_to_inline(monkeypatch, caplog):
    monkeypatch.setenv("POOL_TEST_STILLBORN", "1")
    results = run(ExtractorPool(1, "pool_targets:echo"), [1, 2])
    assert [r["job"] for r in results] == [1, 2]
    assert {r["pid"] for r in results} == {os.getpid()}
    assert "die on start" in caplog.text


def test_close_ends_every_worker():
    pool = ExtractorPool(2, "pool_targets:echo")
    procs = [w.proc for w in pool.workers]
    run(pool, [1])
    assert all(p.poll() is not None for p in procs)


def test_close_reports_the_largest_workers_peak_memory():
    pool = ExtractorPool(2, "pool_targets:echo")
    assert pool.peak_rss_kb is None
    run(pool, [1, 2])
    # a Python process that imported the pool: more than 5 MiB, less than 1 GiB
    assert pool.peak_rss_kb is not None and 5_000 < pool.peak_rss_kb < 1_000_000


@pytest.mark.parametrize(
    ("setting", "cores", "expected"),
    [("auto", 2, 2), ("auto", 1, 0), ("auto", 16, 4), ("3", 2, 3), (0, 8, 0)],
)
def test_auto_workers(monkeypatch, setting, cores, expected):
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert auto_workers(setting) == expected
