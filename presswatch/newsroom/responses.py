"""What a newsroom route returns, and the conditional-GET rules for feeds and sitemaps."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import format_datetime, parsedate_to_datetime


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: Mapping[str, str] | Message
    base: str  # scheme://host:port as the client addressed us


@dataclass
class Response:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False  # drop the connection with a TCP RST instead of answering
    delay: float = 0.0  # seconds to sleep before answering


def html(text: str, charset: str = "utf-8", header_charset: bool = True) -> Response:
    ctype = f"text/html; charset={charset}" if header_charset else "text/html"
    return Response(200, text.encode(charset, "xmlcharrefreplace"), {"Content-Type": ctype})


def xml(text: str, encoding: str = "utf-8", ctype: str = "application/xml") -> Response:
    return Response(
        200,
        text.encode(encoding, "xmlcharrefreplace"),
        {"Content-Type": f"{ctype}; charset={encoding}"},
    )


def text(body: str, status: int = 200) -> Response:
    return Response(status, body.encode("utf-8"), {"Content-Type": "text/plain; charset=utf-8"})


def not_found() -> Response:
    return text("not found\n", 404)


def redirect(location: str, status: int = 302) -> Response:
    return Response(status, b"", {"Location": location})


def _not_modified(req: Request, etag: str, modified: datetime | None) -> bool:
    tags = req.headers.get("If-None-Match")
    if tags is not None:
        return etag in [t.strip() for t in tags.split(",")] or tags.strip() == "*"
    since = req.headers.get("If-Modified-Since")
    if since and modified:
        try:
            return modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def conditional(req: Request, resp: Response, modified: datetime | None) -> Response:
    """Add ETag / Last-Modified to a fully built response; 304 when the client is up to date."""
    assert isinstance(resp.body, bytes)
    etag = '"' + hashlib.sha1(resp.body).hexdigest()[:20] + '"'
    headers = {**resp.headers, "ETag": etag}
    if modified:
        headers["Last-Modified"] = _http_date(modified)
    if _not_modified(req, etag, modified):
        return Response(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
    return Response(resp.status, resp.body, headers)


def _http_date(d: datetime) -> str:
    return format_datetime(d.astimezone(UTC), usegmt=True)
