"""What redaction costs: exports with and without redacted people, and the redacted Datasette
snapshot, on the review benchmark's fictional archive.

    .venv/bin/python bench/redaction.py [--articles 20000] [--candidates 2000] [--people 3]

Prints one Markdown table (paste into docs/BENCHMARKS.md with the command line).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from presswatch.demo_data.bulk import PEOPLE, build_bulk  # noqa: E402
from reports import exports  # noqa: E402
from storage import redactions  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.redacted_copy import redacted_copy  # noqa: E402
from storage.selections import ArticleFilter, select_articles  # noqa: E402


def export_seconds(db) -> tuple[float, int]:
    started = time.perf_counter()
    rows, total = select_articles(db, ArticleFilter())
    out = io.StringIO()
    exports.write(exports.Export(rows, total, "articles"), "csv", out)
    return time.perf_counter() - started, out.getvalue().count("[redacted]")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--candidates", type=int, default=2_000)
    parser.add_argument("--people", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.db"
        db = connect(path)
        migrate(db)
        build_bulk(db, candidates=args.candidates, articles=args.articles)
        plain, _ = export_seconds(db)
        for name in PEOPLE[: args.people]:
            redactions.add(db, "person", reviewer="bench", text=name)
        marked, hits = export_seconds(db)
        started = time.perf_counter()
        copy = redacted_copy(path, Path(tmp) / "copy.db")
        snapshot = time.perf_counter() - started
        size = copy.stat().st_size / 1e6
    print("| articles | redacted people | export, none redacted | export, redacted | "
          "[redacted] written | snapshot | snapshot size |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.articles:,} | {args.people} | {plain:.2f} s | {marked:.2f} s | {hits:,} | "
          f"{snapshot:.1f} s | {size:.0f} MB |")  # fmt: skip


if __name__ == "__main__":
    main()
