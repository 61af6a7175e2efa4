"""The CLI boundary: help everywhere, documented, and one-line errors instead of tracebacks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from presswatch.cli import cli
from presswatch.docgen import reference, walk

REPO = Path(__file__).resolve().parent.parent
COMMANDS = [path for path, _ in walk(cli)]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.mark.parametrize("path", COMMANDS)
def test_every_subcommand_has_help(path):
    result = CliRunner().invoke(cli, [*path.split()[1:], "--help"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) >= 2 and lines[0].startswith("Usage:")
    assert len(lines[1].strip()) > 10, f"{path} has no description"


def test_cli_reference_is_up_to_date():
    committed = (REPO / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m presswatch.docgen > docs/CLI.md"


def test_core_commands_exist():
    assert {
        "presswatch init",
        "presswatch status",
        "presswatch search",
        "presswatch export",
        "presswatch backup",
        "presswatch doctor",
    } <= set(COMMANDS)


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_archive(tmp_path):
    line = _one_line_error(run("--db", str(tmp_path / "nope" / "a.db"), "status"))
    assert "presswatch init" in line


def test_corrupt_archive(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert "not a SQLite database" in _one_line_error(run("--db", str(bad), "status"))


def test_unwritable_directory(tmp_path):
    if os.geteuid() == 0:
        target = "/proc/presswatch/a.db"  # not creatable even for root
    else:
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        target = str(ro / "sub" / "a.db")
    assert "cannot" in _one_line_error(run("--db", target, "init"))


def test_locked_archive(db_path):
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        line = _one_line_error(
            run("--db", str(db_path), "init", env={"PRESSWATCH_BUSY_TIMEOUT_MS": "300"})
        )
    finally:
        holder.execute("ROLLBACK")
    assert "locked" in line


def test_read_only_archive_file(db_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    os.chmod(db_path, 0o444)
    assert "read-only" in _one_line_error(run("--db", str(db_path), "init"))


def test_init_then_status_doctor_export(tmp_path):
    db = str(tmp_path / "a.db")
    assert run("--db", db, "init", "--sources", "sources.yaml").returncode == 0
    status = run("--db", db, "status")
    assert status.returncode == 0 and "sources" in status.stdout
    assert run("--db", db, "doctor").returncode == 0
    out = run("--db", db, "export", "sources", "--format", "jsonl")
    assert out.returncode == 0 and out.stdout.count("\n") >= 20
    line = _one_line_error(run("--db", db, "export", "--query", "DELETE FROM sources"))
    assert "read-only" in line
    query = run("--db", db, "export", "--query", "SELECT name FROM sources", "--format", "jsonl")
    assert query.returncode == 0 and query.stdout.count("\n") >= 20  # a SELECT is exported


def test_malformed_sources_entry_is_reported_and_others_load(tmp_path):
    sources = tmp_path / "s.yaml"
    sources.write_text(
        "sources:\n  - name: ok-one\n    kind: feed\n    start_urls: ['https://a.test/rss']\n"
        "  - name: bad-one\n    kind: fax\n    start_urls: ['https://b.test/']\n"
    )
    result = run("--db", str(tmp_path / "a.db"), "init", "--sources", str(sources))
    assert result.returncode == 0
    assert (
        "bad-one" in result.stderr and "line 6" in result.stderr and "field kind" in result.stderr
    )
    assert "loaded 1 sources" in result.stdout
