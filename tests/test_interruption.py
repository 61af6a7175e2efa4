"""Stopping and killing real crawls: SIGTERM of ``presswatch crawl`` stops its crawl child (and the
child's extraction workers) and records the run ``interrupted``; after kill -9 the child still
dies with its parent, ``presswatch doctor`` finds the abandoned run and marks it, and the next
crawl resumes the work (every article stored once). Real processes, a real newsroom."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import yaml

from presswatch.newsroom import start
from presswatch.newsroom.sources import shard_entries
from storage.runs import last_runs, start_run

PRESSWATCH = str(Path(sys.executable).with_name("presswatch"))
SOURCES, PER = 12, 6


def write_sources(path: Path, base_url: str, delay: float) -> Path:
    entries = [{**e, "download_delay": delay} for e in shard_entries(base_url, SOURCES, PER)]
    path.write_text(yaml.safe_dump({"sources": entries}))
    return path


def crawl(db_path: Path, sources: Path, log: Path) -> subprocess.Popen:
    cmd = [PRESSWATCH, "--db", str(db_path), "crawl", "--sources", str(sources)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log.open("w"), text=True)


def crawling(parent: subprocess.Popen, db, timeout: float = 120) -> list[psutil.Process]:
    """Wait until the crawl child runs and has stored an article; the parent's descendants."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        assert parent.poll() is None, "the crawl ended before it could be stopped"
        if db.execute("SELECT count(*) FROM articles").fetchone()[0]:
            return psutil.Process(parent.pid).children(recursive=True)
        time.sleep(0.2)
    raise AssertionError("no article stored in time")


def command_line(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:  # gone, or a zombie
        return ""


def gone(procs: list[psutil.Process], timeout: float = 60) -> bool:
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def stored(db) -> tuple[int, int]:
    return db.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()


@pytest.fixture(scope="module")
def room():
    with start(generated=SOURCES * PER, faults=False) as newsroom:
        yield newsroom


def test_sigterm_stops_the_crawl_child_and_records_the_run_interrupted(room, tmp_path, db_path, db):
    sources = write_sources(tmp_path / "slow.yaml", room.base_url, 0.7)
    parent = crawl(db_path, sources, tmp_path / "crawl.log")
    family = crawling(parent, db)
    assert any("crawlers.run" in command_line(p) for p in family)
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=90) == 128 + signal.SIGTERM
    assert gone(family), [command_line(p) for p in family if p.is_running()]
    run = last_runs(db, 1)[0]
    assert run["status"] == "interrupted" and "signal 15" in run["summary"]
    states = {r["status"] for r in db.query("SELECT status FROM source_runs")}
    assert "interrupted" in states
    resumed = crawl(
        db_path, write_sources(tmp_path / "fast.yaml", room.base_url, 0), tmp_path / "2.log"
    )
    assert resumed.wait(timeout=180) == 0
    assert stored(db) == (SOURCES * PER, SOURCES * PER)
    assert last_runs(db, 1)[0]["status"] == "ok"


def test_kill_9_leaves_no_crawler_and_doctor_marks_the_run(room, tmp_path, db_path, db):
    parent = crawl(
        db_path, write_sources(tmp_path / "slow.yaml", room.base_url, 0.7), tmp_path / "c.log"
    )
    family = crawling(parent, db)
    parent.kill()
    parent.wait(timeout=30)
    assert gone(family), [command_line(p) for p in family if p.is_running()]
    assert last_runs(db, 1)[0]["status"] == "running"
    doctor = [PRESSWATCH, "--db", str(db_path), "doctor"]
    found = subprocess.run(doctor, capture_output=True, text=True, timeout=120)
    assert found.returncode == 1 and "marked interrupted: #1 crawl" in found.stdout, found.stdout
    assert last_runs(db, 1)[0]["status"] == "interrupted"
    again = subprocess.run(doctor, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "last interrupted: #1 crawl" in again.stdout
    resumed = crawl(
        db_path, write_sources(tmp_path / "fast.yaml", room.base_url, 0), tmp_path / "2.log"
    )
    assert resumed.wait(timeout=180) == 0
    assert stored(db) == (SOURCES * PER, SOURCES * PER)


def test_a_run_whose_process_is_gone_is_marked_at_the_next_start(db):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with db.conn:
        db["runs"].insert(
            {"kind": "nightly", "status": "running", "pid": dead.pid, "host": os.uname().nodename}
        )
    mine = start_run(db, "crawl")
    rows = {r["id"]: r for r in db.query("SELECT * FROM runs")}
    assert rows[1]["status"] == "interrupted" and "gone" in rows[1]["summary"]
    assert rows[mine]["status"] == "running" and rows[mine]["pid"] == os.getpid()
    start_run(db, "crawl")  # this process is alive: its run stays running
    assert {r["status"] for r in db.query("SELECT status FROM runs WHERE id = ?", [mine])} == {
        "running"
    }
