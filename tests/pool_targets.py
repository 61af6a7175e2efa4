"""Targets for the extraction-pool tests: run in worker processes (``tests`` is on their path)."""

from __future__ import annotations

import os
import sys
import time

if sys.argv[0].endswith("extractor_pool.py") and os.environ.get("POOL_TEST_STILLBORN"):
    os._exit(3)  # a worker that cannot start (a broken install)


def echo(job):
    return {"job": job, "pid": os.getpid()}


def fail_on_odd(job):
    if job % 2:
        raise ValueError(f"odd job {job}")
    return job


def crash_on_negative(job):
    if job < 0:
        os._exit(9)  # what a segfault in a parser looks like from outside
    time.sleep(0.05)
    return job


def sleep(job):
    time.sleep(job)
    return job
