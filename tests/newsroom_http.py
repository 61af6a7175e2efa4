"""Test helpers: one running newsroom per test module and a plain HTTP client (no redirects)."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Fetched:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(
    url: str,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    limit: int | None = None,
    timeout: float = 10,
) -> Fetched:
    """One request; ``limit`` reads at most that many body bytes (for the 50 MB page)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(
            method, parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {}
        )
        resp = conn.getresponse()
        body = resp.read(limit) if limit is not None else resp.read()
        return Fetched(resp.status, resp.headers, body)
    finally:
        conn.close()
