"""Extraction quality and speed on the shared benchmark (../shared/benchmarks/article-extraction).

Prints F1 / precision / recall of ``crawlers.extraction.extract`` and of bare
``trafilatura.extract`` on the same pages, and the speed ratio (bare time ÷ our time, so > 1
means faster), each timed over interleaved repeats in the same run.

    .venv/bin/python bench/extraction.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from crawlers.evaluation import load_benchmark, match, score  # noqa: E402
from crawlers.extraction import extract  # noqa: E402


def ours(html: str) -> str | None:
    article = extract(html)
    return article.text if article else None


def bare(html: str) -> str | None:
    return trafilatura.extract(html, include_comments=False)


def timed(fn, pages) -> tuple[list, float]:
    start = time.perf_counter()
    out = [fn(html) for _, html, _ in pages]
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    pages = list(load_benchmark())
    times = {"ours": 0.0, "bare": 0.0}
    results = {}
    for _ in range(args.repeats):
        for name, fn in (("bare", bare), ("ours", ours)):
            out, seconds = timed(fn, pages)
            times[name] += seconds
            results[name] = score(
                [match(truth, o) for (_, _, truth), o in zip(pages, out, strict=False)]
            )
    for name in ("bare", "ours"):
        r = results[name]
        print(
            f"{name:<5} F1={r['f1']:.4f} precision={r['precision']:.4f} recall={r['recall']:.4f} "
            f"time={times[name] / args.repeats:.2f}s for {len(pages)} pages"
        )
    print(f"speed ratio (bare time / our time) = {times['bare'] / times['ours']:.2f}")


if __name__ == "__main__":
    main()
