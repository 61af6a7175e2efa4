import datetime as dt

from click.testing import CliRunner

from presswatch.cli import cli
from storage.runs import record_source_run
from storage.sources import upsert_sources

GOOD = """sources:
  - {name: a-feed, kind: feed, start_urls: ["http://a.example/rss"], lang: ru}
  - {name: b-list, kind: listing, start_urls: ["http://b.example/"], enabled: false}
"""
BAD = GOOD + '  - {name: c-bad, kind: podcast, start_urls: ["http://c.example/"]}\n'


def test_check_accepts_a_valid_file(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", "check", str(path)])
    assert result.exit_code == 0 and "2 valid entries (1 enabled), 0 problem(s)" in result.output


def test_check_names_the_bad_entry_and_its_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", "check", str(path)])
    assert result.exit_code == 1
    assert "s.yaml, line 4: source 'c-bad', field kind:" in result.output
    assert "podcast" in result.output


def test_status_flags_silent_and_failing_sources(db, db_path):
    upsert_sources(
        db,
        [
            {
                "name": "quiet",
                "kind": "feed",
                "start_urls": ["http://q.example/"],
                "rhythm_hours": 6,
            },
            {"name": "broken", "kind": "feed", "start_urls": ["http://b.example/"]},
            {"name": "lively", "kind": "feed", "start_urls": ["http://l.example/"]},
        ],
    )
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).isoformat(timespec="seconds")
    record_source_run(db, source="quiet", status="ok", items=3, pages=4, errors=0, finished_at=old)
    record_source_run(db, source="quiet", status="ok", items=0, pages=1, errors=0)
    record_source_run(
        db, source="broken", status="failed", items=0, pages=0, errors=1, reason="HTTP 500"
    )
    record_source_run(db, source="lively", status="ok", items=5, pages=6, errors=0)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "sources", "status"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert (
        "SILENT" in lines["quiet"]
        and "FAILING" in lines["broken"]
        and "HTTP 500" in lines["broken"]
    )
    assert "SILENT" not in lines["lively"] and "FAILING" not in lines["lively"]
    assert "need attention: broken, quiet" in result.output
