"""What one crawl process used: peak memory and CPU, reported with its stats."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kb(pid: int | str = "self") -> int | None:
    """The process's peak resident set (``VmHWM``) in KiB, or ``None`` where ``/proc`` is not
    there. Unlike ``ru_maxrss`` it starts afresh at ``exec``: a crawl started from a large process
    (a benchmark holding 500 MB of pages) does not inherit that process's peak."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def process_usage(workers_peak_kb: int | None) -> dict[str, float]:
    """Peak RSS and CPU seconds of this process and of its extraction workers."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return {
        "max_rss_kb": peak_rss_kb() or own.ru_maxrss,
        "cpu_s": round(own.ru_utime + own.ru_stime, 2),
        "workers_max_rss_kb": workers_peak_kb or children.ru_maxrss,
        "workers_cpu_s": round(children.ru_utime + children.ru_stime, 2),
    }
