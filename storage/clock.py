"""Timestamps: UTC, ISO 8601, second precision; one place so tests can reason about them."""

from __future__ import annotations

import datetime as dt


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
