"""The archive connection of the review app: one per server thread, opened on first use."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlite_utils
from flask import current_app

from storage.archive import connect


class Archive:
    """Hands each thread its own connection to the archive at ``path``."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()

    def db(self) -> sqlite_utils.Database:
        conn = getattr(self._local, "db", None)
        if conn is None:
            conn = self._local.db = connect(self.path, create=False)
        return conn


def get_db() -> sqlite_utils.Database:
    return current_app.extensions["presswatch_archive"].db()
