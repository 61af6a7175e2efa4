"""Review-app sessions, kept server-side in the accounts database.

The browser holds a random token; the accounts database holds only its SHA-256 with the reviewer
and an expiry. Every request looks the token up (:func:`reviewer_of`), so logout, a password
reset and a disabled account end a session at once, whatever cookie a client kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlite_utils

from storage.archive import write
from storage.clock import now

LIFETIME = dt.timedelta(hours=12)
_REVIEWER = ("id", "name", "role", "disabled", "created_at", "lang")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(
    db: sqlite_utils.Database, reviewer_id: int, lifetime: dt.timedelta = LIFETIME
) -> str:
    """A new session for the reviewer; returns the token the client keeps (never stored)."""
    token = secrets.token_urlsafe(32)
    expires = (dt.datetime.now(dt.UTC) + lifetime).isoformat(timespec="seconds")
    with write(db):
        db.execute("DELETE FROM sessions WHERE expires_at <= ?", [now()])
        db["sessions"].insert(
            {
                "token_hash": _hash(token),
                "reviewer_id": reviewer_id,
                "created_at": now(),
                "expires_at": expires,
            }
        )
    return token


def reviewer_of(db: sqlite_utils.Database, token: str | None) -> dict | None:
    """The enabled reviewer whose unexpired session ``token`` is, else ``None``."""
    if not token or not isinstance(token, str):
        return None
    rows = db.execute(
        "SELECT r.id, r.name, r.role, r.disabled, r.created_at, r.lang FROM sessions s "
        "JOIN reviewers r ON r.id = s.reviewer_id "
        "WHERE s.token_hash = ? AND s.expires_at > ? AND r.disabled = 0",
        [_hash(token), now()],
    ).fetchall()
    if not rows:
        return None
    return dict(zip(_REVIEWER, rows[0], strict=True))


def end_session(db: sqlite_utils.Database, token: str | None) -> None:
    """Logout: the token stops working everywhere."""
    if token and isinstance(token, str):
        with write(db):
            db.execute("DELETE FROM sessions WHERE token_hash = ?", [_hash(token)])


def end_sessions_of(db: sqlite_utils.Database, reviewer_id: int) -> int:
    """End every session of a reviewer (password reset, account disabled); returns how many."""
    with write(db):
        return db.execute("DELETE FROM sessions WHERE reviewer_id = ?", [reviewer_id]).rowcount


def live_sessions(db: sqlite_utils.Database, reviewer_id: int) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM sessions WHERE reviewer_id = ? AND expires_at > ?",
            [reviewer_id, now()],
        ).fetchone()[0]
    )
