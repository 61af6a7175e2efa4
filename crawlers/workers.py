"""A process pool for extraction, so parsing pages runs on another core while Scrapy fetches.

One pool per crawl process (``EXTRACT_WORKERS`` processes, spawned, created on first use);
``EXTRACT_WORKERS = 0`` extracts inline in the reactor thread.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

_pools: dict[int, ProcessPoolExecutor] = {}


def default_workers() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


def pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _pools:
        _pools[workers] = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn")
        )
    return _pools[workers]


def shutdown() -> None:
    for executor in _pools.values():
        executor.shutdown(wait=True, cancel_futures=True)
    _pools.clear()
