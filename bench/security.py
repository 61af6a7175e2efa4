"""Security and configuration figures of issue 15: the login ``next`` fuzz, the cost of the
server-side session check, ``export --query`` refusals and the strict sources schema.

    .venv/bin/python bench/security.py [--lookups 5000] [--sessions 1000]

Counts come from the same cases the tests use (tests/hostile_next.py, tests/test_export_query.py,
tests/test_source_schema.py); the session lookup is timed on a fresh accounts database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from hostile_next import HOSTS, PREFIXES, browser_target, hostile_next  # noqa: E402

from crawlers.registry import parse_sources  # noqa: E402
from review.auth import safe_next  # noqa: E402
from storage.accounts import open_accounts  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.errors import QueryRefused  # noqa: E402
from storage.export import rows_of_query  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.reviewers import add_reviewer, verify  # noqa: E402
from storage.sessions import reviewer_of, start_session  # noqa: E402


def next_fuzz() -> dict[str, int]:
    cases = hostile_next()
    kept = [c for c in cases if safe_next(c) is not None]
    escaped = [c for c in kept if urlsplit(browser_target(c)).netloc != "localhost"]
    combos = [p + h for p in PREFIXES for h in HOSTS]
    return {
        "cases": len(cases),
        "refused": len(cases) - len(kept),
        "kept (local paths)": len(kept),
        "kept but leaving the origin": len(escaped),
        "prefix x host combinations refused": sum(safe_next(c) is None for c in combos),
        "prefix x host combinations": len(combos),
    }


def session_lookups(folder: Path, n_sessions: int, lookups: int) -> list[float]:
    db = connect(folder / "archive.db")
    migrate(db)
    accounts = open_accounts(db)
    add_reviewer(accounts, "bench", "bench-password", "editor")
    rid = verify(accounts, "bench", "bench-password")["id"]
    tokens = [start_session(accounts, rid) for _ in range(n_sessions)]
    times = []
    for i in range(lookups):
        started = time.perf_counter()
        assert reviewer_of(accounts, tokens[i % len(tokens)]) is not None
        times.append((time.perf_counter() - started) * 1e6)
    return times


def export_refusals(folder: Path) -> tuple[int, int, int, int]:
    from fixtures_reports import build
    from test_export_query import READS, REFUSED

    path = folder / "export.db"
    build(path)
    refused = 0
    for sql in REFUSED:
        try:
            list(rows_of_query(connect(path, readonly=True), sql.format(tmp=folder)))
        except QueryRefused:
            refused += 1
    answered = sum(
        list(rows_of_query(connect(path, readonly=True), sql)) == rows
        for sql, rows in READS.items()
    )
    return refused, len(REFUSED), answered, len(READS)


def schema_rejections() -> tuple[int, int]:
    from test_source_schema import BAD, sources_file

    named = 0
    for entry, (field, _) in BAD.items():
        _, problems = parse_sources(sources_file(entry), "sources.yaml")
        named += any(p.field == field and p.line and p.name for p in problems)
    return named, len(BAD)


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=5000)
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="security-bench-"))
    fuzz = next_fuzz()
    times = session_lookups(folder, args.sessions, args.lookups)
    refused, n_refused, answered, n_reads = export_refusals(folder)
    named, n_bad = schema_rejections()
    print("| figure | value |\n|---|---|")
    for key, value in fuzz.items():
        print(f"| login `next` fuzz: {key} | {value:,} |")
    print(
        f"| session check (one indexed lookup, {args.sessions:,} live sessions): p50 / p95 "
        f"| {pct(times, 50):.0f} / {pct(times, 95):.0f} µs |"
    )
    print(f"| `export --query` statements refused | {refused} of {n_refused} |")
    print(f"| `export --query` read-only queries answered | {answered} of {n_reads} |")
    print(f"| bad sources entries rejected naming file, line, source, field | {named} of {n_bad} |")


if __name__ == "__main__":
    main()
