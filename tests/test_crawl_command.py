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


def _crawl_with(tmp_path, db_path, *sets: str):
    path = tmp_path / "sources.yaml"
    path.write_text(json.dumps({"sources": entries("http://127.0.0.1:9")[:1]}), encoding="utf-8")
    args = ["--db", str(db_path), "crawl", "--sources", str(path)]
    for pair in sets:
        args += ["--set", pair]
    return CliRunner().invoke(cli, args)


def test_set_of_an_unknown_setting_is_a_one_line_error_and_crawls_nothing(tmp_path, db, db_path):
    result = _crawl_with(tmp_path, db_path, "DOWNLOAD_DELAI=2")
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [
        "Error: --set DOWNLOAD_DELAI: unknown setting; did you mean DOWNLOAD_DELAY?"
    ]
    assert last_runs(db, 1) == []  # refused before any run was opened


def test_set_of_a_wrongly_typed_value_names_the_setting(tmp_path, db_path):
    cases = {
        "DOWNLOAD_DELAY=slow": "--set DOWNLOAD_DELAY: must be a number",
        "ROBOTSTXT_OBEY=no": "--set ROBOTSTXT_OBEY: must be true or false",
        "RETRY_TIMES=1.5": "--set RETRY_TIMES: must be a whole number",
        "LOG_LEVEL=loud": "--set LOG_LEVEL: 'loud' is not one of DEBUG",
        "DOWNLOAD_DELAY": "--set 'DOWNLOAD_DELAY': expected NAME=VALUE",
    }
    for pair, message in cases.items():
        result = _crawl_with(tmp_path, db_path, pair)
        assert result.exit_code == 1 and message in result.output, (pair, result.output)
        assert len(result.output.strip().splitlines()) == 1


def test_set_reaches_the_crawl_process(tmp_path, db, db_path):
    """A valid override is applied in the crawl child: one link taken from the feed, the cut
    recorded (LINKS_MAX_PER_PAGE is 10,000 by default)."""
    with Site() as site:
        chosen = [e for e in entries(site.base) if e["name"] == "courier-rss"]
        path = tmp_path / "sources.yaml"
        path.write_text(json.dumps({"sources": chosen}), encoding="utf-8")
        result = CliRunner().invoke(
            cli,
            ["--db", str(db_path), "crawl", "--sources", str(path), "--json"]
            + ["--set", "ROBOTSTXT_OBEY=false", "--set", "LINKS_MAX_PER_PAGE=1"],
        )
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output[result.output.index("{") :])["courier-rss"]
    assert stats["items"] == 1
    kinds = [r["kind"] for r in db["failures"].rows_where("source = ?", ["courier-rss"])]
    assert "limit_links" in kinds
