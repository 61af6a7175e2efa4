"""Review app speed: queue and candidate page server time, and keyboard decisions per minute.

    .venv/bin/python bench/review_speed.py [--candidates 10000] [--articles 100000]
        [--requests 200] [--decisions 60] [--db PATH] [--output FILE]

Server time is measured through Flask's test client (the whole request in the WSGI app: routing,
session, SQL, templates; no network). Decisions per minute: a keyboard-only Playwright reviewer
in Chromium against a real ``presswatch review`` process; each decision is timed from the key
press to the next candidate page loaded (no think time).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from presswatch.demo_data.bulk import build_bulk  # noqa: E402
from review.app import create_app  # noqa: E402
from storage.accounts import open_accounts  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.reviewers import add_reviewer  # noqa: E402


def build(path: Path, n_candidates: int, n_articles: int) -> float | None:
    """Seconds to build the archive, ``None`` when an existing one was reused."""
    started = time.perf_counter()
    db = connect(path)
    migrate(db)
    if db.execute("SELECT count(*) FROM candidates").fetchone()[0] != 0:
        db.close()
        return None
    build_bulk(db, candidates=n_candidates, articles=n_articles)
    add_reviewer(open_accounts(db), "bench", "bench-password", "editor")
    db.close()
    return time.perf_counter() - started


def client_for(path: Path):
    app = create_app(path, "bench-secret")
    client = app.test_client()
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post(
        "/login",
        data={"name": "bench", "password": "bench-password", "csrf_token": token},
        headers={"Origin": "http://localhost"},
    )
    return client


def timed(client, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        started = time.perf_counter()
        resp = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert resp.status_code == 200, (path, resp.status_code)
    return times


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def server_times(path: Path, requests: int) -> dict[str, list[float]]:
    client = client_for(path)
    db = connect(path)
    ids = [r[0] for r in db.execute("SELECT id FROM candidates")]
    rng = random.Random(2)
    timed(client, ["/", f"/candidates/{ids[0]}"])  # warm up
    return {
        "queue (pending, default)": timed(client, ["/"] * requests),
        "queue, filter category=legal": timed(client, ["/?category=legal"] * requests),
        "queue, filter lang=kk": timed(client, ["/?lang=kk"] * requests),
        "queue, filter outlet + dates": timed(
            client, ["/?outlet=Qala+Times&since=2026-03-01&until=2026-06-30"] * requests
        ),
        "queue, page 20": timed(client, ["/?page=20"] * requests),
        "candidate page (random)": timed(
            client, [f"/candidates/{rng.choice(ids)}" for _ in range(requests)]
        ),
        "incidents list": timed(client, ["/incidents"] * max(requests // 4, 20)),
        **uncached_counts(db, max(requests // 10, 10)),
    }


def uncached_counts(db, repeats: int) -> dict[str, list[float]]:
    """The per-status counts query itself, as on a cache miss (the app keeps it 10 s)."""
    from storage.candidates import QueueFilter, counts

    out = {}
    for label, filters in (
        ("none", QueueFilter()),
        ("category=legal", QueueFilter(category="legal")),
        ("lang=kk", QueueFilter(lang="kk")),
        ("outlet=Qala Times", QueueFilter(outlet="Qala Times")),
    ):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            counts(db, filters)
            times.append((time.perf_counter() - started) * 1000)
        out[f"counts query uncached, filter {label}"] = times
    return out


def decisions_per_minute(path: Path, decisions: int) -> tuple[list[float], dict[str, int]]:
    from playwright.sync_api import sync_playwright
    from review_server import CHROMIUM, CHROMIUM_ARGS, review_server

    keys = ["a", "s", "n", "r"]
    times, counts = [], dict.fromkeys(keys, 0)
    with review_server(path) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base}/login")
        page.fill("input[name=name]", "bench")
        page.fill("input[name=password]", "bench-password")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/")
        page.keyboard.press("n")
        page.wait_for_selector(".cand")
        for i in range(decisions):
            key = keys[i % len(keys)]
            before = page.url
            started = time.perf_counter()
            page.keyboard.press(key)
            if key == "r":
                page.keyboard.type("not a press-freedom case")
                page.keyboard.press("Enter")
            page.wait_for_url(lambda url, before=before: url != before and "/candidates/" in url)
            page.wait_for_selector(".cand")
            times.append(time.perf_counter() - started)
            counts[key] += 1
        browser.close()
    return times, counts


def report(
    args, build_s: float | None, server: dict, dec: tuple[list[float], dict[str, int]] | None
) -> str:
    lines = [
        "# Review app benchmark",
        "",
        "```",
        ".venv/bin/python " + " ".join(sys.argv),
        "```",
        "",
        f"Archive: {args.candidates:,} candidates, {args.articles:,} articles "
        + (
            f"(built in {build_s:.0f} s)."
            if build_s is not None
            else "(an existing archive, reused)."
        )
        + " Machine: 2 cores (shared with other work).",
        "",
        "## Server time (Flask test client, whole request in the app)",
        "",
        "| page | n | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|",
    ]
    for name, values in server.items():
        lines.append(
            f"| {name} | {len(values)} | {pct(values, 50):.1f} | {pct(values, 95):.1f} "
            f"| {max(values):.1f} |"
        )
    if dec:
        times, counts = dec
        mean = statistics.mean(times)
        lines += [
            "",
            "## Keyboard-only reviewer (Playwright, Chromium, real server)",
            "",
            f"{len(times)} decisions ({', '.join(f'{k}: {v}' for k, v in counts.items())}), "
            "timed from key press to the next candidate page, no think time:",
            "",
            f"- per decision: mean {mean * 1000:.0f} ms, p50 {pct(times, 50) * 1000:.0f} ms, "
            f"p95 {pct(times, 95) * 1000:.0f} ms",
            f"- sustained: **{60 / mean:.0f} decisions per minute**",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--decisions", type=int, default=60)
    parser.add_argument("--db", type=Path, help="Reuse (or create) this archive.")
    parser.add_argument("--output", type=Path, help="Also write the results (markdown) here.")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="review-bench-")) / "bench.db"
    build_s = build(path, args.candidates, args.articles)
    print(f"archive {path} ready", file=sys.stderr)
    server = server_times(path, args.requests)
    dec = decisions_per_minute(path, args.decisions) if args.decisions else None
    text = report(args, build_s, server, dec)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
