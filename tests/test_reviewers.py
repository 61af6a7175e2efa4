"""Reviewer accounts: argon2 hashes, verification, disabling, roles."""

from __future__ import annotations

import pytest

from storage.accounts import open_accounts
from storage.errors import ReviewError
from storage.reviewers import (
    add_reviewer,
    allowed,
    get_reviewer,
    list_reviewers,
    set_disabled,
    set_language,
    verify,
)


@pytest.fixture
def accounts(db):
    database = open_accounts(db)
    yield database
    database.close()


def test_add_verify_and_disable(accounts):
    db = accounts
    add_reviewer(db, "alma", "correct horse", "editor")
    stored = db.execute("SELECT password_hash FROM reviewers").fetchone()[0]
    assert stored.startswith("$argon2") and "correct horse" not in stored
    assert verify(db, "alma", "correct horse")["role"] == "editor"
    assert verify(db, "alma", "wrong horse") is None
    assert verify(db, "nobody", "correct horse") is None
    set_disabled(db, "alma")
    assert verify(db, "alma", "correct horse") is None
    add_reviewer(db, "alma", "new password", "admin")  # reset re-enables
    assert verify(db, "alma", "new password")["role"] == "admin"
    assert [r["name"] for r in list_reviewers(db)] == ["alma"]


def test_bad_accounts_refused(accounts):
    db = accounts
    with pytest.raises(ReviewError):
        add_reviewer(db, "alma", "short")
    with pytest.raises(ReviewError):
        add_reviewer(db, "alma", "long enough", "overlord")


def test_roles_are_ordered():
    assert allowed("admin", "editor") and allowed("editor", "reviewer")
    assert not allowed("reviewer", "editor") and not allowed("editor", "admin")


def test_language_stored_on_the_account(db):
    add_reviewer(db, "alma", "correct horse")
    assert get_reviewer(db, "alma")["lang"] is None  # the browser decides until they choose
    set_language(db, "alma", "kk")
    assert get_reviewer(db, "alma")["lang"] == "kk"
    add_reviewer(db, "alma", "new password", "editor")  # a reset keeps the choice
    assert get_reviewer(db, "alma")["lang"] == "kk"
    set_language(db, "alma", "")
    assert get_reviewer(db, "alma")["lang"] is None
    with pytest.raises(ReviewError, match="unknown language"):
        set_language(db, "alma", "de")
    with pytest.raises(ReviewError, match="no reviewer"):
        set_language(db, "nobody", "ru")
