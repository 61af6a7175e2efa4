"""The crawl process's one connection to the archive, shared by spiders and pipelines."""

from __future__ import annotations

from functools import lru_cache

import sqlite_utils

from storage.archive import connect


@lru_cache(maxsize=4)
def archive(path: str) -> sqlite_utils.Database:
    """The archive at ``path`` (opened once per process)."""
    return connect(path, create=False)


def from_settings(settings) -> sqlite_utils.Database:
    return archive(settings.get("PRESSWATCH_DB"))
