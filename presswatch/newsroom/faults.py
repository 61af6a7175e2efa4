"""``faulty-wire``: a fictional English outlet whose feed leads into every kind of bad input.

Feed ``/faulty-wire/feed.xml?slow=S`` (RSS 2.0) lists one entry per fault and the good articles:

- ``/faulty-wire/news/good-1`` … ``good-4``: ordinary good articles (each must be stored once).
- ``/faulty-wire/enc/koi8r``, ``…/koi8r-undeclared``, ``…/bom``: good Russian articles in KOI8-R
  (declared / undeclared) and UTF-8 with a BOM under a wrong windows-1251 meta (see ``charsets.py``).
- ``/faulty-wire/rate-limited``: 429 with ``Retry-After: 1`` on odd-numbered requests, the good
  article on the next one (succeeds on retry; stored once).
- ``/faulty-wire/error-500``: always HTTP 500.
- ``/faulty-wire/slow?delay=S``: sleeps ``S`` seconds (default 30, from the feed's ``slow``
  parameter) before answering, to trip the crawler's download timeout.
- ``/faulty-wire/reset``: the connection is reset (TCP RST, SO_LINGER 0) without an answer.
- ``/faulty-wire/loop/a`` ↔ ``/faulty-wire/loop/b``: a 302 redirect loop.
- ``/faulty-wire/huge``: a 50 MiB HTML page, streamed in chunks with its Content-Length.
- ``/faulty-wire/gzip-bomb``: ``Content-Encoding: gzip``, ~120 KB on the wire, 120 MiB inflated.
- ``/faulty-wire/brotli-bomb``: ``Content-Encoding: br``, a few hundred bytes, 120 MiB inflated.
  (Both bombs are compressed lazily on first request, then cached.)
- ``/faulty-wire/empty``: 200 with an empty body.
- ``/faulty-wire/js-only``: a page whose text exists only in a script (nothing to extract).
- ``/faulty-wire/private/secret``: disallowed by robots.txt; never fetched by a polite crawler.
- ``/faulty-wire/bad-utf8``: declared UTF-8, contains invalid byte sequences.
- an entry with no ``<link>`` at all (guid ``faulty-wire-nolink``, not a permalink).

Separate feeds: ``/faulty-wire/malformed.xml`` (truncated, unbalanced XML) and
``/faulty-wire/entity-bomb.xml`` (billion laughs: nested entities, ~10^9 expansions).
Hostile sitemaps (entity bombs, endless and wide indexes, oversized): ``hostile.py``.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from presswatch.newsroom import charsets, feeds, hostile
from presswatch.newsroom.feeds import Item
from presswatch.newsroom.responses import Request, Response, html, not_found, redirect, xml

MiB = 1024 * 1024
HUGE_BYTES = 50 * MiB
BOMB_BYTES = 120 * MiB
CHUNK = 64 * 1024
DEFAULT_DELAY = 30.0
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=5)))

GOOD = {
    "good-1": (
        "Regional library opens late-night reading hall",
        "The fictional Steppe City library will keep its main hall open until midnight on weekdays.",
    ),
    "good-2": (
        "Farmers in the valley report early harvest of apricots",
        "Growers in the fictional Karasu valley say a warm spring brought the harvest forward by two weeks.",
    ),
    "good-3": (
        "City council approves new cycling lanes",
        "The council of the fictional town of Akbulak voted to add twelve kilometres of protected cycling lanes.",
    ),
    "good-4": (
        "Local school team wins robotics contest",
        "A team of ninth-graders from a fictional Akbulak school won the regional robotics contest.",
    ),
    "rate-limited": (
        "Weather service warns of early frost",
        "Forecasters of the fictional Steppe weather service expect the first frost next week.",
    ),
}
FAULTS = {  # path → what a robust crawler records
    "/faulty-wire/error-500": "HTTP 500",
    "/faulty-wire/slow": "timeout",
    "/faulty-wire/reset": "connection reset",
    "/faulty-wire/loop/a": "redirect loop",
    "/faulty-wire/huge": "over the size limit (50 MiB)",
    "/faulty-wire/gzip-bomb": "decompressed size over the limit (gzip)",
    "/faulty-wire/brotli-bomb": "decompressed size over the limit (brotli)",
    "/faulty-wire/empty": "empty page",
    "/faulty-wire/js-only": "no extractable text (JavaScript only)",
    "/faulty-wire/private/secret": "robots.txt disallow",
    "/faulty-wire/bad-utf8": "invalid UTF-8 (decodable with replacement)",
}
ENTITY_BOMB = (
    """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
"""
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + """]>
<rss version="2.0"><channel><title>&lol9;</title><link>http://127.0.0.1/</link><description>bomb</description>
<item><title>&lol9;</title><link>/faulty-wire/news/good-1</link></item></channel></rss>
"""
)
MALFORMED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Faulty Wire</title>
<item><title>Broken <b>entry</title><link>{base}/faulty-wire/news/good-1
<item><title>Unclosed & unescaped</title>
"""


def good_paths() -> list[str]:
    """Every faulty-wire page a robust crawl stores exactly once."""
    news = [f"/faulty-wire/news/{k}" for k in GOOD if k != "rate-limited"]
    return news + ["/faulty-wire/rate-limited", *charsets.paths()]


_bombs: dict[str, bytes] = {}
_bomb_lock = threading.Lock()


def _filler(total: int) -> Iterator[bytes]:
    yield b"<html><body><p>"
    block = b"A" * MiB
    for _ in range(total // MiB):
        yield block


def bomb(encoding: str) -> bytes:
    """A small body that expands to BOMB_BYTES; built once per process."""
    with _bomb_lock:
        if encoding not in _bombs:
            if encoding == "gzip":
                c = zlib.compressobj(9, zlib.DEFLATED, 31)
                _bombs[encoding] = b"".join(c.compress(b) for b in _filler(BOMB_BYTES)) + c.flush()
            else:
                import brotli

                c = brotli.Compressor(quality=5)
                _bombs[encoding] = b"".join(c.process(b) for b in _filler(BOMB_BYTES)) + c.finish()
        return _bombs[encoding]


def huge_body() -> Iterator[bytes]:
    head = b"<!DOCTYPE html><html><head><title>Huge</title></head><body><p>"
    yield head
    line = (b"This page is fifty megabytes of the same sentence. " * 1300)[:CHUNK]
    left = HUGE_BYTES - len(head)
    while left > 0:
        yield line[: min(CHUNK, left)]
        left -= CHUNK


def article_page(title: str, lead: str) -> str:
    body = "".join(
        f"<p>{lead} Paragraph {i} adds ordinary local detail for the reader.</p>"
        for i in range(1, 5)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{T0.isoformat()}"></head>'
        f'<body><nav>Faulty Wire</nav><article><h1>{title}</h1><p class="by">By Wire Staff</p>'
        f"{body}</article><footer>Faulty Wire is fictional.</footer></body></html>"
    )


class Faults:
    """Routes of the fault outlet; holds the one piece of state (the 429 counter)."""

    def __init__(self) -> None:
        self._hits = 0
        self._lock = threading.Lock()

    def feed(self, req: Request) -> Response:
        b, delay = req.base, req.query.get("slow", str(DEFAULT_DELAY))
        paths = [f"/faulty-wire/news/{k}" for k in GOOD if k != "rate-limited"] + [
            "/faulty-wire/rate-limited"
        ]
        paths += charsets.paths()
        paths += [p if p != "/faulty-wire/slow" else f"{p}?delay={delay}" for p in FAULTS]
        items = [
            Item(
                f"Entry {p.rsplit('/', 1)[1]}",
                b + p,
                T0 - timedelta(minutes=i),
                "",
                ("Wire Staff",),
            )
            for i, p in enumerate(paths)
        ]
        items.append(
            Item(
                "Entry without a link",
                None,
                T0,
                "This entry has no link.",
                (),
                "faulty-wire-nolink",
            )
        )
        return xml(
            feeds.rss2("Faulty Wire", b + "/faulty-wire/", items, "en"), ctype="application/rss+xml"
        )

    def rate_limited(self) -> Response:
        with self._lock:
            self._hits += 1
            odd = self._hits % 2 == 1
        if odd:
            return Response(429, b"slow down\n", {"Retry-After": "1", "Content-Type": "text/plain"})
        return html(article_page(*GOOD["rate-limited"]))

    def handle(self, req: Request) -> Response:
        p = req.path
        if p.startswith("/faulty-wire/enc/"):
            return charsets.page(p.rsplit("/", 1)[1]) or not_found()
        if p.startswith(hostile.PREFIX):
            return hostile.handle(req)
        if p.startswith("/faulty-wire/news/") and p.rsplit("/", 1)[1] in GOOD:
            return html(article_page(*GOOD[p.rsplit("/", 1)[1]]))
        simple = {
            "/faulty-wire/feed.xml": lambda: self.feed(req),
            "/faulty-wire/malformed.xml": lambda: xml(
                MALFORMED.replace("{base}", req.base), ctype="application/rss+xml"
            ),
            "/faulty-wire/entity-bomb.xml": lambda: xml(ENTITY_BOMB, ctype="application/rss+xml"),
            "/faulty-wire/rate-limited": self.rate_limited,
            "/faulty-wire/error-500": lambda: Response(
                500, b"<h1>Internal Server Error</h1>", {"Content-Type": "text/html"}
            ),
            "/faulty-wire/slow": lambda: self.slow(req),
            "/faulty-wire/reset": lambda: Response(reset=True),
            "/faulty-wire/loop/a": lambda: redirect("/faulty-wire/loop/b"),
            "/faulty-wire/loop/b": lambda: redirect("/faulty-wire/loop/a"),
            "/faulty-wire/huge": lambda: Response(
                200,
                huge_body(),
                {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(HUGE_BYTES)},
            ),
            "/faulty-wire/gzip-bomb": lambda: self.bomb("gzip"),
            "/faulty-wire/brotli-bomb": lambda: self.bomb("br"),
            "/faulty-wire/empty": lambda: Response(
                200, b"", {"Content-Type": "text/html; charset=utf-8"}
            ),
            "/faulty-wire/js-only": lambda: html(JS_ONLY),
            "/faulty-wire/private/secret": lambda: html(
                article_page("Secret", "Robots.txt forbids this page.")
            ),
            "/faulty-wire/bad-utf8": lambda: Response(
                200, BAD_UTF8, {"Content-Type": "text/html; charset=utf-8"}
            ),
            "/faulty-wire/": lambda: html(
                f"<html><body><h1>Faulty Wire</h1><pre>{__doc__}</pre></body></html>"
            ),
        }
        route = simple.get(p)
        return route() if route else not_found()

    @staticmethod
    def slow(req: Request) -> Response:
        try:
            delay = float(req.query.get("delay", DEFAULT_DELAY))
        except ValueError:
            delay = DEFAULT_DELAY
        return Response(
            200,
            article_page("Slow page", "This page took its time.").encode(),
            {"Content-Type": "text/html; charset=utf-8"},
            delay=delay,
        )

    @staticmethod
    def bomb(encoding: str) -> Response:
        return Response(
            200,
            bomb(encoding),
            {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": encoding},
        )


JS_ONLY = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Loading…</title>'
    '<script>document.addEventListener("DOMContentLoaded",function(){document.getElementById("app")'
    '.innerHTML="<h1>Rendered by script</h1><p>"+atob("VGhpcyB0ZXh0IG9ubHkgZXhpc3RzIGluIEphdmFTY3JpcHQu")+"</p>"})'
    '</script></head><body><div id="app"></div><noscript>Please enable JavaScript.</noscript></body></html>'
)
BAD_UTF8 = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bad bytes</title></head><body><article>'
    b"<h1>Invalid UTF-8 \xff\xfe here</h1><p>Text with broken sequences \xc3\x28 and \xe2\x82 in the middle "
    b"of an otherwise ordinary paragraph about a fictional town council meeting.</p></article></body></html>"
)
