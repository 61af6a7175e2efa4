"""The nightly's crawl stage: batches of sources, one crawl process each (the source queue of
``presswatch crawl``), per-source records, resume after a crash, a per-source timeout. Real
crawl processes against the demo newsroom on loopback; no Prefect here (tests/test_nightly.py
runs the flow)."""

from __future__ import annotations

import yaml

from flows import stages
from presswatch.newsroom import start
from presswatch.newsroom.sources import shard_entries
from storage.archive import connect
from storage.migrations import migrate
from storage.runs import record_source_run, start_run


def _setup(tmp_path, base_url, count):
    sources, db_path = tmp_path / "sources.yaml", tmp_path / "archive.db"
    entries = shard_entries(base_url, count, 2)
    sources.write_text(yaml.safe_dump({"sources": entries}))
    db = connect(db_path)
    migrate(db)
    return str(db_path), str(sources), [e["name"] for e in entries], db


def test_batches_split_the_sources_in_order():
    names = [f"s{i}" for i in range(7)]
    assert stages.batches(names, 3) == [names[:3], names[3:6], names[6:]]
    assert stages.batches(names, 100) == [names]


def test_a_batch_is_one_crawl_process_and_records_every_source(tmp_path):
    with start(generated=20, faults=False) as room:
        db_path, sources, names, db = _setup(tmp_path, room.base_url, 8)
        run_id = start_run(db, "nightly")
        results = stages.crawl_batch(db_path, sources, names, run_id, 60)
    assert list(results) == names
    assert {r["status"] for r in results.values()} == {"ok"}
    assert len({r["pid"] for r in results.values()}) == 1  # one process for the whole batch
    recorded = db.execute("SELECT source FROM source_runs WHERE run_id = ?", [run_id]).fetchall()
    assert sorted(r[0] for r in recorded) == names


def test_a_retried_batch_crawls_only_the_sources_not_yet_recorded(tmp_path):
    with start(generated=20, faults=False) as room:
        db_path, sources, names, db = _setup(tmp_path, room.base_url, 4)
        run_id = start_run(db, "nightly")
        record_source_run(  # as if a crashed first attempt had finished this source
            db, run_id=run_id, source=names[0], status="ok", items=2, pages=4, errors=0
        )
        results = stages.crawl_batch(db_path, sources, names, run_id, 60)
    assert results[names[0]]["items"] == 2 and "pid" not in results[names[0]]
    assert all("pid" in results[n] for n in names[1:])
    crawled = {r[0] for r in db.execute("SELECT DISTINCT source FROM pages")}
    assert names[0] not in crawled and set(names[1:]) <= crawled


def test_a_batch_that_failed_its_retries_keeps_what_its_sources_recorded(tmp_path):
    db_path = tmp_path / "archive.db"
    db = connect(db_path)
    migrate(db)
    run_id = start_run(db, "nightly")
    record_source_run(db, run_id=run_id, source="a", status="ok", items=3, pages=5, errors=0)
    results = stages.batch_failed(str(db_path), ["a", "b"], run_id, "crashed twice")
    assert results["a"]["status"] == "ok" and results["a"]["items"] == 3
    assert results["b"]["status"] == "failed" and results["b"]["reason"] == "crashed twice"
    failures = [(r["source"], r["kind"]) for r in db["failures"].rows]
    assert failures == [("b", "TaskFailed")]


def test_a_source_slower_than_its_timeout_is_recorded_and_the_batch_goes_on(tmp_path):
    from presswatch.newsroom.sources import source_entries

    with start(generated=10) as room:
        wanted = {"faulty-wire"}
        entries = [e for e in source_entries(room.base_url, True, 0, 60) if e["name"] in wanted]
        entries += shard_entries(room.base_url, 2, 1)
        sources, db_path = tmp_path / "sources.yaml", tmp_path / "archive.db"
        sources.write_text(yaml.safe_dump({"sources": entries}))
        db = connect(db_path)
        migrate(db)
        run_id = start_run(db, "nightly")
        names = [e["name"] for e in entries]
        results = stages.crawl_batch(str(db_path), str(sources), names, run_id, 4)
    assert results["faulty-wire"]["status"] == "failed"
    assert "abandoned after 4 s" in results["faulty-wire"]["reason"]
    assert [results[n]["status"] for n in names[1:]] == ["ok", "ok"]
    kinds = [r["kind"] for r in db["failures"].rows_where("source = ?", ["faulty-wire"])]
    assert "SourceTimeout" in kinds
