"""Many sources served by one Scrapy crawler (``crawlers/spiders/sources.py``) give every source
the same record as a crawler of its own: status, counts, reason, failures, run row. The misbehaving
loopback site (fictional outlets) is crawled twice into fresh archives, one crawler per source and
one crawler per kind and settings; the source queue's batching is checked on its own."""

from __future__ import annotations

from pathlib import Path

from crawl_site import Site
from crawl_sources import FAST, write
from twisted.internet.defer import Deferred

from crawlers.run import crawl_sources
from crawlers.source_queue import SourceQueue
from storage.archive import connect
from storage.migrations import migrate
from storage.runs import failures

TESTS = Path(__file__).parent
PROCESS = {"max_rss_kb", "cpu_s", "workers_max_rss_kb", "workers_cpu_s", "crawl_s", "pid"}


def crawl(tmp: Path, base: str, per_crawler: int, env) -> dict:
    db_path, probe = tmp / f"archive-{per_crawler}.db", tmp / f"probe-{per_crawler}"
    db = connect(db_path)
    migrate(db)
    env.setenv("PRESSWATCH_PROBE", str(probe))
    settings = {**FAST, "SOURCES_PER_CRAWLER": per_crawler, "EXTENSIONS": {"source_probe.Probe": 9}}
    results = crawl_sources(
        db_path, write(tmp / "sources.yaml", base), settings=settings, quiet=True
    )
    return {
        "results": {
            n: {k: v for k, v in r.items() if k not in PROCESS} for n, r in results.items()
        },
        "failures": sorted((f["source"], f["kind"], f["url"] or "") for f in failures(db)),
        "runs": sorted(
            tuple(r.values())
            for r in db.query(
                "SELECT source, status, items, pages, errors, reason FROM source_runs"
            )
        ),
        "crawlers": len(probe.read_text().splitlines()),
    }


def test_sources_sharing_a_crawler_get_the_records_of_separate_crawlers(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    with Site() as site:
        alone = crawl(tmp_path, site.base, 1, monkeypatch)
        shared = crawl(tmp_path, site.base, 16, monkeypatch)
    # 11 sources; the 7 local feeds, the sitemap, the listing, the court, the guarded feed
    assert alone["crawlers"] == 11 and shared["crawlers"] == 5
    assert shared["results"] == alone["results"]
    assert shared["failures"] == alone["failures"]
    assert shared["runs"] == alone["runs"] and len(shared["runs"]) == 11
    assert alone["results"]["courier-rss"]["pages"] > 10  # robots.txt, feed and its articles
    assert {r["status"] for r in alone["results"].values()} == {"ok", "failed"}


class FakeCrawls:
    """``crawl(batch, done)`` for the queue: records the batches, finishes them on demand."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.done: dict[str, object] = {}

    def __call__(self, batch: list[dict], done) -> tuple[object, Deferred]:
        self.batches.append([s["name"] for s in batch])
        for s in batch:
            self.done[s["name"]] = done
        return object(), Deferred()

    def finish(self, name: str) -> None:
        self.done[name](name, {"status": "ok", "items": 1, "pages": 2, "errors": 0})  # type: ignore[operator]


def test_the_queue_batches_sources_of_one_group_and_keeps_the_limit():
    sources = [{"name": f"{kind}{i}", "kind": kind} for i in range(5) for kind in ("a", "b")]
    crawls = FakeCrawls()
    queue = SourceQueue(sources, crawls, limit=6, per_crawler=3, group=lambda s: s["kind"])
    queue.begin()
    assert crawls.batches == [["a0", "a1", "a2"], ["b0", "b1", "b2"]]
    crawls.finish("a0")
    crawls.finish("a1")
    assert len(crawls.batches) == 2  # two free places: a batch waits until it can be full
    crawls.finish("b0")
    assert crawls.batches[2] == ["a3", "a4"] and len(queue.active) == 5
    for name in ("a2", "b1", "b2", "a3", "a4"):
        crawls.finish(name)
    assert crawls.batches[3:] == [["b3", "b4"]]
    crawls.finish("b3")
    crawls.finish("b4")
    assert queue.done.called and len(queue.results) == 10 and queue.peak_active == 6


def test_each_source_has_its_own_download_slot_per_host():
    from scrapy import Request

    from crawlers.middlewares.per_source import SourceSlotMiddleware
    from crawlers.spiders.sources import SOURCE

    slots = SourceSlotMiddleware()
    one, other = (Request("http://news.test/a", meta={SOURCE: n}) for n in ("one", "other"))
    slots.process_request(one)
    slots.process_request(other)
    moved = one.replace(url="http://mirror.test/a")  # a redirect keeps the meta, and its slot
    slots.process_request(moved)
    keys = {r.meta["download_slot"] for r in (one, other, moved)}
    assert keys == {"news.test one", "news.test other", "mirror.test one"}
