"""``presswatch crawl`` end to end: a fresh process, per-source stats, a ``crawl`` run row."""

import json

from click.testing import CliRunner
from crawl_site import Site
from crawl_sources import entries

from presswatch.cli import cli
from storage.runs import last_runs


def test_crawl_prints_stats_and_records_the_run(tmp_path, db, db_path):
    with Site() as site:
        chosen = [e for e in entries(site.base) if e["name"] in ("courier-atom", "courier-dead")]
        for e in chosen:
            e["download_delay"] = 0
        path = tmp_path / "sources.yaml"
        path.write_text(json.dumps({"sources": chosen}), encoding="utf-8")
        result = CliRunner().invoke(cli, ["--db", str(db_path), "crawl", "--sources", str(path)])
    assert result.exit_code == 0, result.output
    rows = {
        line.split()[0]: line.split()
        for line in result.output.splitlines()
        if line.startswith("courier-")
    }
    assert rows["courier-atom"][1:3] == ["ok", "1"]
    assert rows["courier-dead"][1] == "failed" and "HTTP 500" in " ".join(rows["courier-dead"])
    run = last_runs(db, 1)[0]
    assert (run["kind"], run["status"]) == ("crawl", "partial")
    assert json.loads(run["stats"])["courier-atom"]["items"] == 1


def test_unknown_source_name_is_a_one_line_error(tmp_path, db_path):
    path = tmp_path / "sources.yaml"
    path.write_text(json.dumps({"sources": entries("http://127.0.0.1:9")[:1]}), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "crawl", "--sources", str(path), "--source", "nope"]
    )
    assert result.exit_code == 1 and "unknown source(s): nope" in result.output
