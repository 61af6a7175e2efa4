"""The `presswatch report` command: default action on the group, build, publish, diff."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fixtures_reports import build

from presswatch.cli import cli


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.db"
    build(path)
    return path


def run(db, *args, code=0):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.output


def test_report_group_default_action_as_the_issue_writes_it(db, tmp_path):
    out = tmp_path / "nov.html"
    run(db, "report", "--month", "2026-11", "--format", "html", "--output", str(out))
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert "# Мониторинг свободы слова" in run(
        db, "report", "build", "--month", "2026-11", "--lang", "ru"
    )


def test_publish_then_diff(db):
    assert "published: reports.id=1" in run(db, "report", "publish", "--month", "2026-11")
    assert "unchanged" in run(db, "report", "publish", "--month", "2026-11")
    assert "no figure changed" in run(db, "report", "diff", "--month", "2026-11")


def test_bad_month_and_missing_publication(db):
    assert "use YYYY-MM" in run(db, "report", "--month", "2026-13", code=2)
    assert "no published report for 2026-10" in run(
        db, "report", "diff", "--month", "2026-10", code=1
    )
