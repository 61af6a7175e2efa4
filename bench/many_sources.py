"""Crawl throughput as the number of sources grows: 50, 500, 5,000 sources of the demo newsroom.

The demo newsroom serves generated articles (``bulk-news``); each source is one sitemap of its own
articles (``/bulk-news/sitemap-K.xml?per=P``, ``newsroom.sources.shard_entries``), so a run of N
sources crawls N robots.txt, N sitemaps and the articles. By default every source has
``--per-source`` articles (the work per source is the same at every N, so the ratio shows how the
cost of a page grows with the number of sources); ``--articles T`` instead spreads T articles over
the N sources (the fixed cost of a source then weighs more as N grows). One ``crawl_sources``
subprocess per N into a fresh archive, at the production log level. Pages/s counts every response
(robots, sitemaps, articles), over the whole subprocess (start-up included) and over its crawl
alone (``crawl_s``, reported by the child: from its first source started to its last closed).
CPU is the crawl process's own (its extraction workers apart), per page. The ratios compare the
largest N with the smallest.

    .venv/bin/python bench/many_sources.py [--per-source 5 | --articles 10000] [--sources 50,500,5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawlers.run import crawl_sources  # noqa: E402
from presswatch.newsroom import start  # noqa: E402
from presswatch.newsroom.sources import shard_entries  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.migrations import migrate  # noqa: E402


def one_run(base_url: str, n_sources: int, per: int, folder: Path) -> dict:
    sources = folder / f"sources-{n_sources}.yaml"
    sources.write_text(yaml.safe_dump({"sources": shard_entries(base_url, n_sources, per)}))
    db = folder / f"archive-{n_sources}.db"
    migrate(connect(db))
    t0 = time.perf_counter()
    results = crawl_sources(db, sources, quiet=True, settings={"LOG_LEVEL": "INFO"})
    took = time.perf_counter() - t0
    pages = sum(r.get("pages", 0) for r in results.values())
    items = sum(r.get("items", 0) for r in results.values())
    failed = sum(r.get("status") != "ok" for r in results.values())
    first = next(iter(results.values()), {})
    cpu, crawling = first.get("cpu_s", 0), first.get("crawl_s") or took
    return {
        "sources": n_sources,
        "reported": len(results),
        "failed": failed,
        "pages": pages,
        "articles": items,
        "seconds": round(took, 1),
        "pages_per_s": round(pages / took, 1),
        "crawl_seconds": crawling,
        "pages_per_s_crawling": round(pages / crawling, 1),
        "crawl_cpu_ms_per_page": round(1000 * cpu / max(1, pages), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-source", type=int, default=5)
    ap.add_argument("--articles", type=int, default=0, help="spread this many over the sources")
    ap.add_argument("--sources", default="50,500,5000")
    args = ap.parse_args()
    counts = [int(n) for n in args.sources.split(",")]
    per = {n: max(1, args.articles // n) if args.articles else args.per_source for n in counts}
    generated = max(n * per[n] for n in counts)
    rows = []
    with start(generated=generated, faults=False) as room, tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            rows.append(one_run(room.base_url, n, per[n], Path(tmp)))
            print(rows[-1], flush=True)
    first, last = rows[0], rows[-1]
    for measure in ("pages_per_s", "pages_per_s_crawling"):
        ratio = last[measure] / first[measure]
        print(f"ratio {last['sources']} ÷ {first['sources']} sources ({measure}): {ratio:.2f}")


if __name__ == "__main__":
    main()
