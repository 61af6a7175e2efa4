"""Crawl throughput on a generated loopback site (fictional outlet, N articles behind a sitemap index).

Prints: pages/s for fetch + extract + store (the whole ``crawl_sources`` subprocess, start-up
included) ÷ pages/s of ``extract`` alone on the same HTML in this process (best of 3 passes); the
share of pages a second crawl of the unchanged site fetches; and the peak RSS (crawl process plus
its largest extraction worker) of the 10th consecutive crawl ÷ the 1st (each crawl re-reads every
page: the source is marked ``changes: true``).

    .venv/bin/python bench/crawl_throughput.py [--articles 5000] [--memory-articles 300] [--crawls 10]
        [--passes 3] [--workers auto|N] [--pages news|minimal]

The pages (``bench/news_pages.py``) are shaped like real news pages by default; the script prints
their shape next to that of the 181 real pages of the extraction benchmark.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import multiprocessing
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.news_pages import STYLES, page, shape  # noqa: E402
from crawlers.extraction import extract  # noqa: E402
from crawlers.extractor_pool import auto_workers  # noqa: E402
from crawlers.run import crawl_sources  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.migrations import migrate  # noqa: E402

SETTINGS: dict = {"LOG_LEVEL": "WARNING", "LOGSTATS_INTERVAL": 0}


class Handler(BaseHTTPRequestHandler):
    # keep-alive, as news sites serve it; HTTP/1.0 cost a new connection per page
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.hits[self.path] += 1
        body, ctype = self.route()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def route(self) -> tuple[bytes | None, str]:
        n, base = self.server.articles, f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain"
        if self.path == "/sitemap.xml":
            maps = "".join(
                f"<sitemap><loc>{base}/sitemap-{k}.xml</loc></sitemap>" for k in range(0, n, 1000)
            )
            return (
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'.encode(),
                "application/xml",
            )
        if self.path.startswith("/sitemap-"):
            k = int(self.path[9:-4])
            urls = "".join(
                f"<url><loc>{base}/a/{i}</loc></url>" for i in range(k, min(k + 1000, n))
            )
            return (
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
                "application/xml",
            )
        if self.path.startswith("/a/"):
            i = int(self.path[3:])
            return self.server.pages[i] if i < n else None, "text/html; charset=utf-8"
        return None, "text/plain"


def serve(articles: int, style: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.request_queue_size = 256
    server.daemon_threads = True
    server.articles, server.hits = articles, collections.Counter()
    # rendered once, as a news site's cache serves them: the server shares the crawl's two
    # cores, and generating pages per request made it the third busiest process
    server.pages = [page(i, style) for i in range(articles)]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def setup(tmp: Path, server, changes: bool) -> tuple[Path, Path]:
    db_path, sources = tmp / f"bench-{changes}.db", tmp / f"sources-{changes}.yaml"
    migrate(connect(db_path))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    entry = {
        "name": "bench-gazette",
        "outlet": "Bench Gazette",
        "kind": "sitemap",
        "lang": "en",
        "start_urls": [f"{base}/sitemap.xml"],
        "local": True,
        "changes": changes,
    }
    sources.write_text(yaml.safe_dump({"sources": [entry]}), encoding="utf-8")
    return db_path, sources


def crawl(db_path: Path, sources: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    stats = crawl_sources(db_path, sources, ["bench-gazette"], settings=SETTINGS, quiet=True)[
        "bench-gazette"
    ]
    return time.perf_counter() - start, stats


def extraction_alone(pages: list[str], passes: int) -> float:
    """Pages/s of ``extract`` on the same HTML in this process: the best of ``passes`` runs
    (the machine is shared; the best pass is the hardest baseline for the crawl)."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for i, html in enumerate(pages):
            extract(html, f"http://bench/a/{i}")
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


_PAGES: list[str] = []  # what forked extraction processes read


def _extract_one(i: int) -> None:
    extract(_PAGES[i], f"http://bench/a/{i}")


def extraction_parallel(pages: list[str], processes: int, passes: int) -> float:
    """Pages/s of ``extract`` in ``processes`` forked processes (as many as the crawl's workers):
    the machine's extraction capacity, the best of ``passes`` runs, pool start-up excluded."""
    _PAGES[:] = pages
    best = float("inf")
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(_extract_one, range(processes * 4), chunksize=1)  # warm: imports are done
        for _ in range(passes):
            start = time.perf_counter()
            pool.map(_extract_one, range(len(pages)), chunksize=20)
            best = min(best, time.perf_counter() - start)
    _PAGES.clear()
    return len(pages) / best


REAL_PAGES = Path(__file__).resolve().parents[2] / "shared/benchmarks/article-extraction/html"


def compare_shapes(pages: list[bytes]) -> None:
    """Medians of the generated pages beside those of the real benchmark pages (if present)."""
    rows = {"generated": shape(pages[:500])}
    real = sorted(REAL_PAGES.glob("*.html.gz"))
    if real:
        rows["real (181 pages)"] = shape([gzip.decompress(p.read_bytes()) for p in real])
    for name, medians in rows.items():
        print(f"page medians, {name}: " + ", ".join(f"{k} {v:,}" for k, v in medians.items()))


def throughput(tmp: Path, n: int, passes: int, style: str, workers: int) -> None:
    server = serve(n, style)
    compare_shapes(server.pages)
    db_path, sources = setup(tmp, server, changes=False)
    seconds, stats = crawl(db_path, sources)
    crawl_pps = n / seconds
    html = [page.decode() for page in server.pages]
    extract_pps = extraction_alone(html, passes)
    parallel_pps = extraction_parallel(html, workers, passes) if workers > 1 else extract_pps
    print(
        f"first crawl: {stats['items']} new articles, {stats['pages']} responses, {stats['errors']} errors, {seconds:.1f} s"
    )
    print(
        f"CPU: crawl process {stats['cpu_s']:.1f} s, extraction workers {stats['workers_cpu_s']:.1f} s"
    )
    print(
        f"crawl (fetch+extract+store) {crawl_pps:.1f} pages/s; extraction alone (best of {passes}) "
        f"{extract_pps:.1f} pages/s; ratio {crawl_pps / extract_pps:.2f}"
    )
    print(
        f"extraction alone in {workers} processes (as many as the crawl's workers; best of {passes}) "
        f"{parallel_pps:.1f} pages/s; crawl ÷ that {crawl_pps / parallel_pps:.2f}"
    )
    server.hits.clear()
    seconds, stats = crawl(db_path, sources)
    fetched = sum(server.hits.values())
    print(
        f"second crawl: {fetched} requests for {n} articles = {100 * fetched / n:.2f}% ({seconds:.1f} s, {stats['items']} new)"
    )
    server.shutdown()


def memory(tmp: Path, n: int, crawls: int, style: str) -> None:
    server = serve(n, style)
    db_path, sources = setup(tmp, server, changes=True)
    rss = []
    for _ in range(crawls):
        _, stats = crawl(db_path, sources)
        # the crawl process and its largest extraction worker
        rss.append((stats["max_rss_kb"] + stats["workers_max_rss_kb"]) / 1024)
    print(f"peak RSS per crawl ({n} pages each, MB): {', '.join(f'{x:.0f}' for x in rss)}")
    print(f"memory crawl {crawls} / crawl 1 = {rss[-1] / rss[0]:.2f}")
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--memory-articles", type=int, default=300)
    parser.add_argument("--crawls", type=int, default=10)
    parser.add_argument("--passes", type=int, default=3, help="extraction-alone passes (best)")
    parser.add_argument(
        "--pages", choices=sorted(STYLES), default="news", help="page style (bench/news_pages.py)"
    )
    parser.add_argument("--workers", default=None, help="EXTRACT_WORKERS (default: the setting)")
    args = parser.parse_args()
    if args.workers is not None:
        SETTINGS["EXTRACT_WORKERS"] = args.workers
    with tempfile.TemporaryDirectory() as tmp:
        workers = auto_workers(args.workers or "auto")
        throughput(Path(tmp), args.articles, args.passes, args.pages, workers)
        memory(Path(tmp), args.memory_articles, args.crawls, args.pages)


if __name__ == "__main__":
    main()
