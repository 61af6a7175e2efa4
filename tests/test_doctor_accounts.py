"""``presswatch doctor`` checks the accounts database beside the archive (password hashes and
sessions): missing, unreadable, readable by others, schema behind; ``init`` brings the schema up."""

from __future__ import annotations

import sqlite_utils
from click.testing import CliRunner

from presswatch.cli import cli
from storage.accounts import accounts_path
from storage.doctor import check_accounts


def _doctor(db_path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "doctor"])
    line = next((x for x in result.output.splitlines() if " accounts " in f" {x} "), "")
    return result.exit_code, line


def test_a_fresh_archive_has_a_healthy_owner_only_accounts_database(db, db_path):
    check = check_accounts(db)
    assert check.ok and "owner-only (0600)" in check.detail
    code, line = _doctor(db_path)
    assert code == 0 and line.startswith("ok")


def test_missing_accounts_database_is_reported(db, db_path):
    accounts_path(db_path).unlink()
    check = check_accounts(db)
    assert not check.ok and check.detail.startswith("missing:")
    code, line = _doctor(db_path)
    assert code == 1 and line.startswith("FAIL") and "presswatch init" in line


def test_unreadable_accounts_database_is_reported(db, db_path):
    path = accounts_path(db_path)
    path.write_bytes(b"this is not an SQLite database" * 100)
    path.chmod(0o600)
    check = check_accounts(db)
    assert not check.ok and check.detail.startswith(f"unreadable: {path}")
    assert _doctor(db_path)[0] == 1


def test_accounts_database_readable_by_others_is_reported(db, db_path):
    path = accounts_path(db_path)
    for mode in (0o644, 0o640, 0o604):
        path.chmod(mode)
        check = check_accounts(db)
        assert not check.ok, mode
        assert f"mode {mode:04o}" in check.detail and "chmod 600" in check.detail
    code, line = _doctor(db_path)
    assert code == 1 and "password hashes" in line


def test_schema_behind_is_reported_and_init_brings_it_up(db, db_path):
    accounts = sqlite_utils.Database(accounts_path(db_path))
    accounts["sessions"].drop()
    accounts["reviewers"].transform(drop={"disabled"})
    accounts.close()
    check = check_accounts(db)
    assert not check.ok
    assert check.detail == (
        "schema behind: lacks reviewers.disabled, sessions; run `presswatch init`"
    )
    init = CliRunner().invoke(cli, ["--db", str(db_path), "init"])
    assert init.exit_code == 0 and "added reviewers.disabled, sessions" in init.output
    assert check_accounts(db).ok
    assert _doctor(db_path)[0] == 0


def test_a_missing_reviewer_language_is_schema_behind_too(db, db_path):
    """Every step of the accounts schema counts, the language of m044 included."""
    accounts = sqlite_utils.Database(accounts_path(db_path))
    accounts["reviewers"].transform(drop={"lang"})
    accounts.close()
    assert check_accounts(db).detail == (
        "schema behind: lacks reviewers.lang; run `presswatch init`"
    )
    init = CliRunner().invoke(cli, ["--db", str(db_path), "init"])
    assert init.exit_code == 0 and "added reviewers.lang" in init.output
    assert check_accounts(db).ok
