"""How fast the demo newsroom serves its generated outlet (so it never bottlenecks crawl benchmarks).

Usage: .venv/bin/python bench/newsroom_serve.py [--generated 5000] [--threads 4]
Prints pages/s for fetching every bulk article over loopback, and the one-off bomb build times.
"""

from __future__ import annotations

import argparse
import http.client
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from presswatch.newsroom import start  # noqa: E402
from presswatch.newsroom.faults import bomb  # noqa: E402


def worker(host: str, port: int, ns: range, sizes: list[int]) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for n in ns:
        conn.request("GET", f"/bulk-news/a/{n}")
        resp = conn.getresponse()
        sizes.append(len(resp.read()))
    conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", type=int, default=5000)
    ap.add_argument("--threads", type=int, default=4)
    args = ap.parse_args()
    with start(generated=args.generated, faults=False) as room:
        sizes: list[int] = []
        t0 = time.perf_counter()
        threads = [
            threading.Thread(
                target=worker,
                args=(room.host, room.port, range(i, args.generated, args.threads), sizes),
            )
            for i in range(args.threads)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.perf_counter() - t0
    print(
        f"served {len(sizes)} generated pages ({sum(sizes) / 1e6:.1f} MB) in {took:.2f} s "
        f"with {args.threads} keep-alive clients: {len(sizes) / took:.0f} pages/s"
    )
    for enc in ("gzip", "br"):
        t0 = time.perf_counter()
        size = len(bomb(enc))
        print(
            f"{enc} bomb: {size:,} bytes on the wire, built in {time.perf_counter() - t0:.2f} s (cached after)"
        )


if __name__ == "__main__":
    main()
