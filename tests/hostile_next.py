"""Hostile values of the login ``next`` parameter, and where a browser would go for a redirect:
shared by tests/test_review_sessions.py and bench/security.py."""

from __future__ import annotations

import random
from urllib.parse import urljoin

HOST = "http://localhost"
HOSTS = ("evil.example", "evil.example/x", "@evil.example", "127.0.0.1:9", "evil.example:80")
PREFIXES = (
    "//",
    "///",
    "////",
    "/\\",
    "\\/",
    "\\\\",
    "/\t/",
    "/\n/",
    "/\r/",
    "/%09/",
    "/%0a/",
    "/%0d/",
    "/%2f/",
    "/%5c",
    "/%5c/",
    " //",
    "\t//",
    "//%09",
    "https://",
    "http:/",
    "https:",
    "javascript:",
    "data:text/html,",
    "/.//",
    "/./\\",
    "%2f%2f",
    "\x00//",
    "/\x7f/",
    "/\u3000/",
    "//\\",
)
SAFE = ("/", "/incidents", "/incidents?q=%D0%9A%D0%B0%D1%81", "/candidates/3#evidence", "/next")


def browser_target(location: str) -> str:
    """Where a browser goes for a ``Location``: the URL standard drops tabs and newlines,
    trims control characters and spaces, and reads a backslash as a slash."""
    cleaned = "".join(c for c in location if c not in "\t\n\r").strip("\x00\x20\x1f")
    return urljoin(HOST + "/login", cleaned.replace("\\", "/"))


def hostile_next() -> list[str]:
    """Every prefix with every host, plus 1,000 seeded random strings of URL-ish characters."""
    cases = [p + h for p in PREFIXES for h in HOSTS]
    rng = random.Random(15)
    alphabet = "/\\:@%.?#&=\t\n\r\x00 evilxampl0123456789ABCDEF"
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(1000)]
    return cases
