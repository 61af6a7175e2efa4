"""Archive benchmark: ingest rate and search latency on a generated archive.

    .venv/bin/python bench/storage_archive.py --articles 1000000 --out bench/out

1. Ingest: the same generated articles saved through ``storage.articles.save_articles`` into one
   archive and with a raw ``executemany`` into a second archive of the same schema (same
   triggers, same FTS index), in the same run; reports rows/s of each and the ratio (target ≥ 0.7).
2. Search on the storage-built archive through ``storage.search.search`` (the code
   ``presswatch search`` runs): a rare term ranked, a common term newest-first, a common term
   ranked; p50/p95 over repeated queries with different terms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from storage.archive import connect
from storage.articles import COLUMNS, content_hash, save_articles
from storage.migrations import migrate
from storage.search import search

COMMON = ["суд", "журналист", "редакция", "штраф", "news", "court", "сот", "тілші"]
BATCH = 2000  # the same batch size storage.articles uses


def vocabulary(seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    letters = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһі"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(50_000)]


def articles(n: int, seed: int = 7):
    rng = random.Random(seed)
    words = vocabulary()
    cum, total = [], 0.0
    for i in range(len(words)):
        total += 1 / (i + 1)
        cum.append(total)
    for i in range(n):
        body = rng.choices(words, cum_weights=cum, k=60) + rng.sample(COMMON, 3)
        rng.shuffle(body)
        day = rng.randint(0, 5 * 365)
        yield {
            "url": f"https://bench.test/{i}",
            "title": " ".join(body[:6]),
            "text": " ".join(body),
            "lang": rng.choice(["ru", "kk", "en"]),
            "outlet": f"Outlet {i % 40}",
            "published_at": time.strftime(
                "%Y-%m-%dT%H:%M:%S+05:00", time.gmtime(1.6e9 + day * 86400 + i % 86400)
            ),
        }


def ingest_storage(path: Path, data: list[dict]) -> float:
    db = connect(path)
    migrate(db)
    start = time.perf_counter()
    save_articles(db, data)
    return time.perf_counter() - start


def ingest_raw(path: Path, data: list[dict]) -> float:
    db = connect(path)
    migrate(db)
    cols = ", ".join(COLUMNS)
    sql = f"INSERT INTO articles ({cols}, first_seen_at, updated_at) VALUES ({', '.join('?' * (len(COLUMNS) + 2))})"
    start = time.perf_counter()
    batch = []
    for art in data:
        row = {c: art.get(c) for c in COLUMNS}
        row["content_hash"] = content_hash(art["title"], art["text"])
        batch.append([row[c] for c in COLUMNS] + ["now", "now"])
        if len(batch) >= BATCH:
            db.conn.execute("BEGIN IMMEDIATE")
            db.conn.executemany(sql, batch)
            db.conn.execute("COMMIT")
            batch = []
    if batch:
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.executemany(sql, batch)
        db.conn.execute("COMMIT")
    return time.perf_counter() - start


def latency(db, terms: list[str], **kw) -> dict:
    times = []
    for term in terms:
        start = time.perf_counter()
        search(db, term, **kw)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "queries": len(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("storage.db", "raw.db"):
        for suffix in ("", "-wal", "-shm"):
            (args.out / f"{name}{suffix}").unlink(missing_ok=True)
    data = list(articles(args.articles))
    raw_s = ingest_raw(args.out / "raw.db", data)
    storage_s = ingest_storage(args.out / "storage.db", data)
    del data
    db = connect(args.out / "storage.db")
    words = vocabulary()
    rare = [w for w in words[-4000:] if search(db, w, limit=1)][:200]
    common = COMMON * 25
    result = {
        "articles": args.articles,
        "ingest_raw_rows_per_s": round(args.articles / raw_s),
        "ingest_storage_rows_per_s": round(args.articles / storage_s),
        "ingest_ratio": round(raw_s / storage_s, 3),
        "search_rare_ranked": latency(db, rare, rank=True),
        "search_common_newest": latency(db, common),
        "search_common_ranked": latency(db, COMMON * 3, rank=True),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
