"""``presswatch export --query``: read-only queries run; every kind of write is refused in one line."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from fixtures_reports import build

from presswatch.cli import cli
from storage.archive import connect
from storage.errors import QueryRefused
from storage.export import rows_of_query

READS = {
    "SELECT 1": [{"1": 1}],
    "-- a comment first\nselect 2 AS two": [{"two": 2}],
    "VALUES (1, 'a')": [{"column1": 1, "column2": "a"}],
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
    "SELECT sum(i) AS s FROM n": [{"s": 6}],
    "SELECT name FROM pragma_table_info('reports') WHERE name = 'month'": [{"name": "month"}],
}

REFUSED = (
    "DELETE FROM sources",
    "/* hidden */ DELETE FROM sources",
    "INSERT INTO sources (name, kind) VALUES ('x', 'feed')",
    "UPDATE sources SET enabled = 0",
    "WITH t AS (SELECT 1) INSERT INTO sources (name, kind) SELECT 'x', 'feed' FROM t",
    "DROP TABLE sources",
    "CREATE TABLE evil (a)",
    "ATTACH DATABASE '{tmp}/evil.db' AS evil",
    "VACUUM INTO '{tmp}/copy.db'",
    "VACUUM",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA user_version = 7",
    "PRAGMA writable_schema = ON",
    "SELECT * FROM pragma_journal_mode",
    "SELECT load_extension('{tmp}/evil.so')",
    "SELECT 1; DELETE FROM sources",
    "SAVEPOINT s",
    "BEGIN IMMEDIATE",
    "REINDEX",
    "ANALYZE",
    "   -- only a comment",
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("export-query") / "archive.db"
    build(path)
    connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("sql", READS)
def test_read_only_queries_run(archive, sql):
    assert list(rows_of_query(connect(archive, readonly=True), sql)) == READS[sql]


def test_full_text_query_through_the_cli(archive):
    sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'DDoS'"
    result = CliRunner().invoke(
        cli, ["--db", str(archive), "export", "--query", sql, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) >= 1


@pytest.mark.parametrize("sql", REFUSED)
def test_writes_and_escapes_are_refused(archive, tmp_path, sql):
    sql = sql.format(tmp=tmp_path)
    before = digest(archive)
    with pytest.raises(QueryRefused):
        rows_of_query(connect(archive, readonly=True), sql)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli, ["--db", str(archive), "export", "--query", sql, "-o", str(out)]
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and ("read-only" in lines[0] or "one statement" in lines[0]), lines
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing opened, nothing overwritten
    assert list(tmp_path.iterdir()) == [] and digest(archive) == before


def test_empty_query_is_refused(archive):
    with pytest.raises(QueryRefused, match="empty"):
        rows_of_query(connect(archive, readonly=True), "")
