"""The accounts database: reviewers move out of the archive (m010) and sessions live server-side."""

from __future__ import annotations

import datetime as dt
import stat

import pytest

from storage.accounts import accounts_path, open_accounts
from storage.archive import connect, write
from storage.errors import ArchiveError
from storage.migrations import MIGRATIONS, migrate
from storage.reviewers import add_reviewer, set_disabled, verify
from storage.sessions import end_session, live_sessions, reviewer_of, start_session

BEFORE = MIGRATIONS[: [m.__name__ for m in MIGRATIONS].index("m010_accounts_database")]


def test_migration_moves_reviewers_out_of_the_archive(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    migrate(db, BEFORE)  # an archive as today's main leaves it, with one account in it
    from argon2 import PasswordHasher

    row = {"name": "alma", "role": "editor", "password_hash": PasswordHasher().hash("alma-pass")}
    with write(db):
        db["reviewers"].insert({**row, "disabled": 0, "created_at": "2026-01-01T00:00:00+00:00"})
    assert migrate(db) == [
        "m010_accounts_database",
        *[m.__name__ for m in MIGRATIONS][len(BEFORE) + 1 :],
    ]
    assert not db["reviewers"].exists()
    assert "password_hash" not in " ".join(
        r[0] or "" for r in db.execute("SELECT sql FROM sqlite_master")
    )
    accounts = open_accounts(db)
    assert verify(accounts, "alma", "alma-pass")["role"] == "editor"
    assert stat.S_IMODE(accounts_path(path).stat().st_mode) == 0o600
    assert (
        migrate(db) == [] and accounts.execute("SELECT count(*) FROM reviewers").fetchone()[0] == 1
    )


def test_migration_rerun_after_a_crash_copies_nothing_twice(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    migrate(db, BEFORE)
    with write(db):
        db["reviewers"].insert({"name": "bota", "role": "reviewer", "password_hash": "x"})
    MIGRATIONS[len(BEFORE)](db)  # copied, but the archive's record was never written
    with write(db):
        db["reviewers"].create({"id": int, "name": str, "role": str, "password_hash": str}, pk="id")
        db["reviewers"].insert({"id": 1, "name": "bota", "role": "reviewer", "password_hash": "x"})
    migrate(db)
    assert open_accounts(db).execute("SELECT count(*) FROM reviewers").fetchone()[0] == 1


def test_no_accounts_file_is_a_named_error(tmp_path):
    with pytest.raises(ArchiveError, match="presswatch init"):
        open_accounts(tmp_path / "nothing.db")


@pytest.fixture
def accounts(db):
    database = open_accounts(db)
    add_reviewer(database, "alma", "alma-password", "reviewer")
    yield database
    database.close()


def alma(accounts) -> int:
    return verify(accounts, "alma", "alma-password")["id"]


def test_session_lookup_and_logout(accounts):
    token = start_session(accounts, alma(accounts))
    assert reviewer_of(accounts, token)["name"] == "alma"
    stored = accounts.execute("SELECT token_hash FROM sessions").fetchone()[0]
    assert token not in stored  # only the hash is kept
    end_session(accounts, token)
    assert reviewer_of(accounts, token) is None
    assert reviewer_of(accounts, None) is None and reviewer_of(accounts, "forged") is None


def test_password_reset_and_disable_end_every_session(accounts):
    first, second = start_session(accounts, alma(accounts)), start_session(accounts, alma(accounts))
    assert live_sessions(accounts, alma(accounts)) == 2
    add_reviewer(accounts, "alma", "a new password", "reviewer")
    assert reviewer_of(accounts, first) is None and reviewer_of(accounts, second) is None
    token = start_session(accounts, verify(accounts, "alma", "a new password")["id"])
    set_disabled(accounts, "alma")
    assert reviewer_of(accounts, token) is None
    set_disabled(accounts, "alma", False)
    assert reviewer_of(accounts, token) is None  # re-enabling does not revive old sessions


def test_expired_session_refused(accounts):
    token = start_session(accounts, alma(accounts), lifetime=dt.timedelta(seconds=-1))
    assert reviewer_of(accounts, token) is None


def test_functions_given_the_archive_reach_its_accounts(db):
    add_reviewer(db, "bota", "bota-password")  # the archive connection, as callers did before m010
    assert not db["reviewers"].exists()
    assert verify(open_accounts(db), "bota", "bota-password") is not None
