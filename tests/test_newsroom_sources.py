"""``write_sources`` output is a valid registry file; ``presswatch newsroom`` serves and writes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import feedparser
import yaml
from newsroom_http import fetch

from crawlers.registry import load_sources
from presswatch.newsroom import start, write_sources
from presswatch.newsroom.outlets import OUTLETS

REPO = Path(__file__).resolve().parent.parent


def test_written_sources_load_with_zero_problems(tmp_path: Path):
    path = tmp_path / "sources.yaml"
    write_sources(path, "http://127.0.0.1:9999", include_faults=True, generated=100)
    good, problems = load_sources(path)
    assert problems == []
    assert {"feed", "sitemap", "listing", "court", "telegram"} == {e["kind"] for e in good}
    assert all(e["local"] is True and e["enabled"] is True for e in good)
    assert {e["outlet"] for e in good} >= {o.name for o in OUTLETS.values()}
    assert any(e["name"] == "bulk-news" for e in good)


def test_faults_can_be_left_out(tmp_path: Path):
    entries = write_sources(tmp_path / "s.yaml", "http://127.0.0.1:9999", include_faults=False)
    assert not any(e["name"].startswith("faulty-wire") for e in entries)


def test_every_start_url_answers_200(tmp_path: Path):
    with start(generated=30) as room:
        entries = write_sources(tmp_path / "s.yaml", room.base_url, generated=30)
        for entry in entries:
            for url in entry["start_urls"]:
                status = fetch(url).status
                if status == 429:  # the Kazakh Telegram channel's one rate limit
                    status = fetch(url).status
                want = (
                    302 if entry["name"] == "telegram-kokorai-old" else 200
                )  # to its contact page
                assert status == want, entry["name"]


def _as_background_job() -> None:
    """What a non-interactive shell does to a job started with ``&``: SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_command_serves_until_interrupted(tmp_path: Path):
    out = tmp_path / "sources.yaml"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from presswatch.cli import main; main()",
            "newsroom",
            "--port",
            "0",
            "--write-sources",
            str(out),
            "--generated",
            "20",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=_as_background_job,
    )
    try:
        first = proc.stdout.readline()
        assert first.startswith("demo newsroom at http://127.0.0.1:")
        base = first.split()[3].rstrip("/")
        for line in iter(proc.stdout.readline, ""):
            if line.startswith("serving"):
                break
        feed = feedparser.parse(fetch(base + "/steppe-herald/feed.xml").body)
        assert feed.entries
        assert yaml.safe_load(out.read_text(encoding="utf-8"))["sources"][0]["start_urls"][
            0
        ].startswith(base)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            rest, _ = proc.communicate(timeout=20)
        finally:
            if proc.poll() is None:  # it ignored SIGINT: no orphan left behind
                proc.kill()
                proc.wait()
    assert "stopped" in rest and proc.returncode == 0
