"""Which process owns a run: pid, host and the process's start time (a recycled pid is another
process), and whether that process is still there."""

from __future__ import annotations

import os
import socket

import psutil

STARTED_SLACK = 1.0  # seconds: create_time is rounded differently by different readers


def this_process() -> dict:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "process_started": psutil.Process().create_time(),
    }


def owner_alive(run: dict) -> bool:
    """Whether the process recorded on ``run`` still runs. A run of another host cannot be
    checked from here and counts as alive; a run without a pid (recorded before pids were) or
    whose pid is now a zombie or another process does not."""
    if not run.get("pid"):
        return False
    if run.get("host") and run["host"] != socket.gethostname():
        return True
    try:
        proc = psutil.Process(int(run["pid"]))
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        started = run.get("process_started")
        return started is None or abs(proc.create_time() - float(started)) <= STARTED_SLACK
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # there, but another user's
        return True
