"""The review app's connections, one per server thread, opened on first use: the archive, and
the accounts database (reviewers and sessions) beside it."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils
from flask import current_app

from storage.accounts import open_accounts
from storage.archive import connect


class Archive:
    """Hands each thread its own connections to the archive at ``path`` and its accounts."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()

    def db(self) -> sqlite_utils.Database:
        conn = getattr(self._local, "db", None)
        if conn is None:
            conn = self._local.db = connect(self.path, create=False)
        return conn

    def accounts(self) -> sqlite_utils.Database:
        conn = getattr(self._local, "accounts", None)
        if conn is None:
            conn = self._local.accounts = open_accounts(self.path)
        return conn


def get_db() -> sqlite_utils.Database:
    return current_app.extensions["presswatch_archive"].db()


def get_accounts() -> sqlite_utils.Database:
    return current_app.extensions["presswatch_archive"].accounts()
