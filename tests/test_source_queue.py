"""Thousands of sources: what runs at once, and what every log record passes through, does not
grow with the number of sources (counted in a real crawl process against the demo newsroom)."""

from __future__ import annotations

from pathlib import Path

import yaml
from crawl_sources import FAST

from crawlers.run import crawl_sources
from presswatch.newsroom import start
from presswatch.newsroom.sources import shard_entries
from storage.archive import connect
from storage.migrations import migrate

TESTS = Path(__file__).parent


def crawl_counting(tmp: Path, base_url: str, n_sources: int, env) -> tuple[dict, list]:
    sources, db, probe = tmp / f"s{n_sources}.yaml", tmp / f"a{n_sources}.db", tmp / f"p{n_sources}"
    sources.write_text(yaml.safe_dump({"sources": shard_entries(base_url, n_sources, 1)}))
    migrate(connect(db))
    env.setenv("PRESSWATCH_PROBE", str(probe))
    settings = {
        **FAST,
        "LOG_LEVEL": "INFO",
        "LOGSTATS_INTERVAL": 0.2,
        "CONCURRENT_SOURCES": 4,
        "EXTENSIONS": {"source_probe.Probe": 900},
    }
    results = crawl_sources(db, sources, settings=settings, quiet=True)
    rows = [tuple(map(int, line.split())) for line in probe.read_text().splitlines()]
    return results, rows


def test_open_spiders_and_log_handlers_stay_constant_as_sources_grow(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    with start(generated=150, faults=False) as room:
        small, small_rows = crawl_counting(tmp_path, room.base_url, 10, monkeypatch)
        large, large_rows = crawl_counting(tmp_path, room.base_url, 150, monkeypatch)
    assert len(large) == 150 and all(r["status"] == "ok" for r in large.values())
    assert sum(r["items"] for r in large.values()) == 150
    # every source opened once, in crawlers of at most CONCURRENT_SOURCES sources
    assert sum(s for *_, s in small_rows) == 10 and sum(s for *_, s in large_rows) == 150
    assert max(s for *_, s in large_rows) <= 4
    assert max(n for n, *_ in large_rows) <= 4
    assert max(h for _, h, _ in large_rows) == max(h for _, h, _ in small_rows)


def test_scrapy_per_crawler_lines_are_not_logged_once_per_source(tmp_path, capfd):
    """At LOG_LEVEL INFO a source used to log five pretty-printed records when it opened and
    closed ("Enabled downloader middlewares: [...]", "Spider opened", ...): 25,000 for 5,000
    sources. Now they wait for SOURCE_LOG_LEVEL (WARNING); the progress line stays."""
    with start(generated=20, faults=False) as room:
        sources, db = tmp_path / "s.yaml", tmp_path / "a.db"
        sources.write_text(yaml.safe_dump({"sources": shard_entries(room.base_url, 20, 1)}))
        migrate(connect(db))
        settings = {**FAST, "LOG_LEVEL": "INFO", "LOGSTATS_INTERVAL": 0.2}
        results = crawl_sources(db, sources, settings=settings)
    err = capfd.readouterr().err
    assert len(results) == 20 and all(r["status"] == "ok" for r in results.values())
    for line in ("Enabled downloader middlewares", "Overridden settings", "Spider opened"):
        assert line not in err
    assert "sources done" in err
