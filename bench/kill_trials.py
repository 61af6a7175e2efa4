"""Reliability of stopping and killing ``presswatch crawl``: N trials of SIGTERM and N of kill -9 at
a random moment of a crawl of the demo newsroom, each followed by ``presswatch doctor`` and a
resuming crawl. Counts: crawl processes left running, runs left ``running``, runs marked
``interrupted``, resumed archives with every article exactly once.

    .venv/bin/python bench/kill_trials.py [--trials 5] [--sources 12] [--per 6]
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from presswatch.newsroom import start  # noqa: E402
from presswatch.newsroom.sources import shard_entries  # noqa: E402
from storage.archive import connect  # noqa: E402
from storage.migrations import migrate  # noqa: E402

PRESSWATCH = str(Path(sys.executable).with_name("presswatch"))


def sources_file(path: Path, base: str, n: int, per: int, delay: float) -> Path:
    entries = [{**e, "download_delay": delay} for e in shard_entries(base, n, per)]
    path.write_text(yaml.safe_dump({"sources": entries}))
    return path


def crawl(db: Path, sources: Path) -> subprocess.Popen:
    cmd = [PRESSWATCH, "--db", str(db), "crawl", "--sources", str(sources)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def crawling(parent: subprocess.Popen, timeout: float = 180) -> list[psutil.Process]:
    """Wait until the command has started its crawl child; the command's descendants."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        family = psutil.Process(parent.pid).children(recursive=True)
        if any("crawlers.run" in " ".join(_cmdline(p)) for p in family):
            return family
        time.sleep(0.2)
    raise RuntimeError("the crawl did not start")


def _cmdline(proc: psutil.Process) -> list[str]:
    try:
        return proc.cmdline()
    except psutil.Error:
        return []


def alive(procs: list[psutil.Process]) -> int:
    _, left = psutil.wait_procs(procs, timeout=60)
    return sum(1 for p in left if p.status() != psutil.STATUS_ZOMBIE)


def trial(room, folder: Path, how: int, args, rng: random.Random) -> dict:
    db = folder / "archive.db"
    migrate(connect(db))
    slow = sources_file(folder / "slow.yaml", room.base_url, args.sources, args.per, 0.5)
    parent = crawl(db, slow)
    family = crawling(parent)
    time.sleep(rng.uniform(0.5, 5.0))  # a random moment of the crawl
    family = psutil.Process(parent.pid).children(recursive=True) or family
    parent.send_signal(how)
    code = parent.wait(timeout=120)
    left = alive(family)
    doctor = subprocess.run([PRESSWATCH, "--db", str(db), "doctor"], capture_output=True, text=True)
    status = connect(db).execute("SELECT status FROM runs ORDER BY id").fetchone()[0]
    fast = sources_file(folder / "fast.yaml", room.base_url, args.sources, args.per, 0)
    crawl(db, fast).wait(timeout=300)
    n, distinct = (
        connect(db).execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
    )
    return {
        "signal": signal.Signals(how).name,
        "exit": code,
        "processes_left": left,
        "run_after_doctor": status,
        "doctor_flagged": "marked interrupted" in doctor.stdout,
        "complete_after_resume": n == distinct == args.sources * args.per,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--sources", type=int, default=12)
    ap.add_argument("--per", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(15)
    rows = []
    with start(generated=args.sources * args.per, faults=False) as room:
        for how in (signal.SIGTERM, signal.SIGKILL):
            for _ in range(args.trials):
                with tempfile.TemporaryDirectory() as tmp:
                    rows.append(trial(room, Path(tmp), how, args, rng))
                    print(rows[-1], flush=True)
    for name in ("SIGTERM", "SIGKILL"):
        mine = [r for r in rows if r["signal"] == name]
        print(
            f"{name}: {len(mine)} trials; processes left {sum(r['processes_left'] for r in mine)}; "
            f"run interrupted {sum(r['run_after_doctor'] == 'interrupted' for r in mine)}; "
            f"doctor flagged {sum(r['doctor_flagged'] for r in mine)}; "
            f"complete after resume {sum(r['complete_after_resume'] for r in mine)}"
        )


if __name__ == "__main__":
    main()
