"""How a page body is stored: compressed, with the sha256 of its raw bytes (standard library
only: a crawl's extraction workers pack bodies without loading the archive code)."""

from __future__ import annotations

import hashlib
import zlib


def pack(body: bytes) -> tuple[bytes, str]:
    """``(compressed body, sha256 hex of the raw body)``, as ``pages`` stores them."""
    return zlib.compress(body, 6), hashlib.sha256(body).hexdigest()
