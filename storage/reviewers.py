"""Reviewers: accounts of the review app, with argon2 password hashes and roles.

Every function takes the accounts database (:func:`storage.accounts.open_accounts`); given the
archive instead, it opens the archive's accounts (:func:`storage.accounts.accounts_of`). A password
reset or a disabled account ends the reviewer's sessions at once."""

from __future__ import annotations

from typing import cast

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from presswatch.locales import N_
from storage.accounts import accounts_of
from storage.archive import write
from storage.clock import now
from storage.errors import ReviewError
from storage.sessions import end_sessions_of

ROLES = ("reviewer", "editor", "admin")
LANGUAGES = ("en", "ru", "kk")  # presswatch.locales.LANGS: the catalogues the app has
RANK = {role: i for i, role in enumerate(ROLES)}
_hasher = PasswordHasher()


def add_reviewer(
    db: sqlite_utils.Database, name: str, password: str, role: str = "reviewer"
) -> int:
    """Create an account, or reset the password and role of an existing one (keyed by name)."""
    db = accounts_of(db)
    if role not in ROLES:
        raise ReviewError(
            N_("unknown role %(role)s; roles: %(roles)s"), role=repr(role), roles=", ".join(ROLES)
        )
    if not name.strip() or len(password) < 8:
        raise ReviewError(N_("a reviewer needs a name and a password of at least 8 characters"))
    row = {
        "name": name.strip(),
        "role": role,
        "password_hash": _hasher.hash(password),
        "disabled": 0,
        "created_at": now(),
    }
    with write(db):
        found = db.execute("SELECT id FROM reviewers WHERE name = ?", [row["name"]]).fetchone()
        if found:
            db.execute(
                "UPDATE reviewers SET role = ?, password_hash = ?, disabled = 0 WHERE id = ?",
                [role, row["password_hash"], found[0]],
            )
            end_sessions_of(db, int(found[0]))
            return int(found[0])
        return int(cast(int, db["reviewers"].insert(row).last_pk))


def list_reviewers(db: sqlite_utils.Database) -> list[dict]:
    db = accounts_of(db)
    return list(
        db.query("SELECT id, name, role, disabled, created_at, lang FROM reviewers ORDER BY name")
    )


def get_reviewer(db: sqlite_utils.Database, name: str) -> dict | None:
    db = accounts_of(db)
    rows = list(
        db.query(
            "SELECT id, name, role, disabled, created_at, lang FROM reviewers WHERE name = ?",
            [name],
        )
    )
    return rows[0] if rows else None


def set_disabled(db: sqlite_utils.Database, name: str, disabled: bool = True) -> bool:
    """Disable (or re-enable) an account; ``False`` when there is no such reviewer."""
    db = accounts_of(db)
    with write(db):
        cur = db.execute("UPDATE reviewers SET disabled = ? WHERE name = ?", [int(disabled), name])
        found = db.execute("SELECT id FROM reviewers WHERE name = ?", [name]).fetchone()
        if found and disabled:
            end_sessions_of(db, int(found[0]))
        return cur.rowcount > 0


def set_language(db: sqlite_utils.Database, name: str, lang: str | None) -> None:
    """Store the language ``name`` reads the app in; ``None`` or ``""`` goes back to the
    browser's choice. An unknown language or reviewer is a :class:`ReviewError`."""
    db = accounts_of(db)
    if lang and lang not in LANGUAGES:
        raise ReviewError(
            N_("unknown language %(lang)s; languages: %(langs)s"),
            lang=repr(lang),
            langs=", ".join(LANGUAGES),
        )
    with write(db):
        cur = db.execute("UPDATE reviewers SET lang = ? WHERE name = ?", [lang or None, name])
        if cur.rowcount == 0:
            raise ReviewError(N_("no reviewer named %(name)s"), name=repr(name))


def verify(db: sqlite_utils.Database, name: str, password: str) -> dict | None:
    """The reviewer if the name and password match an enabled account, else ``None``."""
    db = accounts_of(db)
    rows = list(db.query("SELECT * FROM reviewers WHERE name = ?", [name]))
    if not rows or rows[0]["disabled"]:
        _hasher.hash(password)  # same cost whether or not the name exists
        return None
    try:
        _hasher.verify(rows[0]["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    return {k: rows[0][k] for k in ("id", "name", "role")}


def change_password(db: sqlite_utils.Database, name: str, current: str, new: str) -> None:
    """A reviewer's own change: ``current`` must match; every session of the account ends."""
    db = accounts_of(db)
    user = verify(db, name, current)
    if user is None:
        raise ReviewError(N_("the current password is wrong"))
    if len(new) < 8:
        raise ReviewError(N_("a password needs at least 8 characters"))
    with write(db):
        db.execute(
            "UPDATE reviewers SET password_hash = ? WHERE id = ?", [_hasher.hash(new), user["id"]]
        )
        end_sessions_of(db, int(user["id"]))


def allowed(role: str, needed: str) -> bool:
    """Whether ``role`` is at least ``needed`` (reviewer < editor < admin)."""
    return RANK.get(role, -1) >= RANK[needed]
