"""A process pool for extraction, so parsing pages runs on another core while Scrapy fetches.

One pool per crawl process (``EXTRACT_WORKERS`` processes, spawned, created on first use);
``EXTRACT_WORKERS = 0`` (the default) extracts inline in the reactor thread, which measured
faster on the 2-core build machine under load; a pool pays off only with idle cores.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_pools: dict[int, ProcessPoolExecutor] = {}


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
