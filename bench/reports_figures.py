"""Benchmark: figures and HTML/Markdown rendering of a monthly report on a larger archive.

Usage: .venv/bin/python bench/reports_figures.py [N_INCIDENTS]
Builds a temporary archive with N incidents (default 5000) spread over 2025-2026, two source
articles each, then times compute() and render for November 2026.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixtures_reports import INCIDENTS, _insert  # noqa: E402

from reports.build import draft  # noqa: E402
from reports.figures import compute  # noqa: E402
from storage.archive import connect, write  # noqa: E402
from storage.migrations import migrate  # noqa: E402


def synthetic(n: int, seed: int = 7) -> list[tuple]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = rng.choice(INCIDENTS)
        day = f"{rng.choice((2025, 2026))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append((f"s{i}", base[1], f"{base[2]} #{i}", [day, day], day, *base[5:8], []))
    return out


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = connect(path)
        migrate(db)
        start = time.perf_counter()
        with write(db):
            for k, spec in enumerate(synthetic(n)):
                _insert(db, k, spec)
        print(f"built {n} incidents ({2 * n} articles) in {time.perf_counter() - start:.1f} s")
        for label, run in (
            ("compute figures", lambda: compute(db, "2026-11")),
            ("draft md (no charts)", lambda: draft(db, "2026-11", "md", "en")),
            ("draft html (3 inline charts)", lambda: draft(db, "2026-11", "html", "en")),
        ):
            start = time.perf_counter()
            result = run()
            print(f"{label}: {time.perf_counter() - start:.2f} s")
        print(
            f"figures: {len(result.figures.flat())}, incidents this month: {len(result.figures.entries)}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
