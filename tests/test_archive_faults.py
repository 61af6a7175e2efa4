"""Crashes and concurrency against a real archive file in separate processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from storage.archive import connect
from storage.doctor import diagnose

WRITER = textwrap.dedent("""
    import sys
    from storage.archive import connect
    from storage.articles import save_batch
    db = connect(sys.argv[1])
    batch = int(sys.argv[2])
    n = 0
    while True:
        rows = [{"url": f"https://w.test/{n}-{i}", "title": "t", "text": "слово " * 200,
                 "published_at": "2026-11-01"} for i in range(batch)]
        save_batch(db, rows)
        n += 1
        print(n, flush=True)
""")


def _spawn(db_path, batch):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_kill_9_mid_batch_leaves_a_healthy_archive_without_partial_batches(db_path):
    proc = _spawn(db_path, 250)
    for _ in range(3):
        proc.stdout.readline()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = connect(db_path)
    assert all(c.ok for c in diagnose(db)), [c for c in diagnose(db) if not c.ok]
    count = db["articles"].count
    assert count >= 750 and count % 250 == 0
    per_batch = db.execute(
        "SELECT substr(url, 1, instr(substr(url, 10), '-') + 9) AS b, count(*) FROM articles GROUP BY b"
    ).fetchall()
    assert {n for _, n in per_batch} == {250}


def test_a_writer_never_sees_database_is_locked_while_another_reads(db_path):
    proc = _spawn(db_path, 50)
    try:
        reader = connect(db_path, readonly=True)
        deadline = time.time() + 3
        reads = 0
        while time.time() < deadline:
            reader.execute("SELECT count(*), max(id) FROM articles").fetchone()
            list(
                reader.query("SELECT * FROM articles_fts WHERE articles_fts MATCH 'слово' LIMIT 5")
            )
            reads += 1
        assert proc.poll() is None, "writer died (database is locked?)"
        assert reads > 10
    finally:
        proc.terminate()
        proc.wait()
    assert connect(db_path)["articles"].count > 0


def test_two_writers_both_succeed(db_path):
    procs = [_spawn(db_path, 20) for _ in range(2)]
    try:
        outputs = [[p.stdout.readline() for _ in range(10)] for p in procs]
        assert all(all(line.strip() for line in out) for out in outputs)
    finally:
        for p in procs:
            p.terminate()
            p.wait()
