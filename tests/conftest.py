"""Shared fixtures: a fresh, migrated archive per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.archive import connect
from storage.migrations import migrate

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    db = connect(path)
    migrate(db)
    db.close()
    return path


@pytest.fixture
def db(db_path: Path):
    database = connect(db_path)
    yield database
    database.close()
