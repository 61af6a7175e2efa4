"""Nightly benchmark: the whole flow over a generated newsroom of N new articles.

    .venv/bin/python bench/nightly.py --articles 10000

Serves the demo newsroom's generated ``bulk-news`` outlet (N articles, sitemap) on loopback,
runs the nightly flow once in this process into a fresh archive, and prints total wall time,
per-stage task-body seconds and wall ÷ sum of task bodies (orchestration overhead). With
``--dask 2`` the tag and detect stages run on a local Dask cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from presswatch.commands.nightly import run_nightly
from presswatch.newsroom.server import start
from presswatch.newsroom.sources import write_sources
from storage.archive import connect
from storage.runs import last_runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--dask", type=int, default=0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pw-nightly-"))
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
    with start(generated=args.articles, faults=False) as room:
        sources = work / "sources.yaml"
        entries = write_sources(
            sources, room.base_url, include_faults=False, generated=args.articles
        )
        names = [e["name"] for e in entries if e["name"].startswith("bulk")]
        db = work / "archive.db"
        started = time.perf_counter()
        run_nightly(db, sources, names, timeout=3600, dask_workers=args.dask)
        wall = time.perf_counter() - started
    stats = json.loads(last_runs(connect(db), 1)[0]["stats"])
    out = {
        "articles": connect(db)["articles"].count,
        "wall_seconds": round(wall, 1),
        "flow_wall_seconds": stats["wall_seconds"],
        "stage_seconds": stats["stage_seconds"],
        "task_seconds": stats["task_seconds"],
        "overhead_ratio": round(stats["wall_seconds"] / max(stats["task_seconds"], 1e-9), 3),
        "candidates": connect(db)["candidates"].count,
        "dask_workers": args.dask,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
