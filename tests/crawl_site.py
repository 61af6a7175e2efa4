"""A small misbehaving news site on loopback for the crawler tests (fictional outlets).

Serves the fixture pages of ``tests/data/crawl/`` plus feeds, sitemaps, listings, a court
portal and every fault of the issue: 500s, a timeout, a connection reset, a redirect loop, a
50 MB page, gzip and brotli bombs, a malformed feed, an XML entity bomb, an empty page, a
JavaScript-only page, a robots.txt disallow, 429 with Retry-After, a feed entry without a link,
invalid UTF-8 and a windows-1251 page without a declared charset.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import gzip
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

DATA = Path(__file__).parent / "data" / "crawl"
BOMB_BYTES = 60 * 1024 * 1024
HUGE_BYTES = 50 * 1024 * 1024
NEWS = [
    "en-1",
    "ru-1",
    "kk-1",
    "cp1251",
    "bad-utf8",
    "js",
    "empty",
    "500",
    "timeout",
    "reset",
    "loop",
    "huge",
    "gzip-bomb",
    "br-bomb",
    "429",
]


def page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def en_article(title: str) -> bytes:
    return page("article_en.html").replace(
        b"Court fines reporter over council coverage", title.encode()
    )


@functools.cache
def bombs() -> dict[str, bytes]:
    zeros = b" " * BOMB_BYTES
    return {"gzip": gzip.compress(zeros, 9), "br": brotli.compress(zeros, quality=5)}


def rss(base: str) -> bytes:
    links = {"en-1": "/news/en-1", "ru-1": "/news/ru-1?utm_source=rss&amp;utm_medium=feed"}
    items = "".join(
        f"<item><title>{n}</title><link>{base}{links.get(n, '/news/' + n)}</link>"
        f"<pubDate>Wed, 14 Oct 2026 09:00:00 GMT</pubDate></item>"
        for n in NEWS
    )
    items += f"<item><title>Robots say no</title><link>{base}/private/secret</link></item>"
    items += (
        "<item><title>An entry without a link</title><description>no link here</description></item>"
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Steppe Courier'
        f"</title><link>{base}/</link><description>news</description>{items}</channel></rss>"
    ).encode()


FEEDS = {
    "/atom.xml": lambda b: (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
        f'<entry><title>Atom one</title><link href="{b}/articles/atom-1"/><id>a1</id>'
        f"<updated>2026-10-14T10:00:00Z</updated><author><name>Lena Fictive</name></author></entry></feed>"
    ),
    "/rdf.xml": lambda b: (
        f'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="{b}/"><title>RDF</title></channel>'
        f'<item rdf:about="{b}/articles/rdf-1"><title>RDF one</title><link>{b}/articles/rdf-1</link></item></rdf:RDF>'
    ),
    "/rss091.xml": lambda b: (
        f'<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title><link>{b}/</link>'
        f"<item><title>Old one</title><link>{b}/articles/rss091-1</link></item></channel></rss>"
    ),
    "/malformed.xml": lambda b: (
        "<rss version='2.0'><channel><title>Broken &amp feed<item><title>x</ti"
    ),
    "/bomb.xml": lambda b: (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollol">'
        + "".join(
            f'<!ENTITY lol{i + 1} "{(f"&lol{i};" if i else "&lol;") * 10}">' for i in range(9)
        )
        + ']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
    ),
}


def sitemap(base: str, path: str) -> bytes:
    if path == "/sitemap_index.xml":
        body = "".join(
            f"<sitemap><loc>{base}{p}</loc></sitemap>"
            for p in ("/sitemap-1.xml", "/news-sitemap.xml")
        )
        return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'.encode()
    if path == "/sitemap-1.xml":
        urls = [f"{base}/articles/map-{i}" for i in range(1, 4)] + [f"{base}/news/ru-1"]
        urls.append(f"{base}/old/map-4")  # moved: answers 301 to /articles/map-4
        body = "".join(f"<url><loc>{u}</loc><lastmod>2026-10-14</lastmod></url>" for u in urls)
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'.encode()
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{base}/articles/newsmap-1</loc>'
        f"<news:news><news:publication><news:name>Steppe Courier</news:name><news:language>en</news:language>"
        f"</news:publication><news:title>News map one</news:title></news:news></url></urlset>"
    ).encode()


def listing(base: str, page_no: int) -> bytes:
    links = "".join(
        f'<li><a class="news-link" href="/articles/list-{page_no}-{i}">story {i}</a></li>'
        for i in (1, 2)
    )
    nxt = f'<a class="next" href="/listing/?page={page_no + 1}">next</a>' if page_no < 3 else ""
    return f"<html><body><ul>{links}</ul>{nxt}</body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: Site

    def log_message(self, *args) -> None:  # quiet
        pass

    def send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path, _, query = self.path.partition("?")
        self.server.hits[path] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route(path, query, base)

    def route(self, path: str, query: str, base: str) -> None:
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, ctype="")
            return self.send(
                200,
                rss(base),
                "application/rss+xml",
                ETag='"v1"',
                Last_Modified="Wed, 14 Oct 2026 09:00:00 GMT",
            )
        if path in FEEDS:
            return self.send(200, FEEDS[path](base).encode(), "application/xml")
        if path == "/dead.xml":
            return self.send(500, b"internal error")
        if "sitemap" in path:
            return self.send(200, sitemap(base, path), "application/xml")
        if path == "/listing/":
            return self.send(200, listing(base, int(query.partition("=")[2] or 1)))
        if path == "/court/cases":
            return self.send(
                200,
                b'<html><body><a class="case-link" href="/court/case/1">2-1234/2026</a></body></html>',
            )
        if path == "/court/case/1":
            return self.send(200, page("court_case.html"))
        if path.startswith("/old/"):
            self.send_response(301)
            self.send_header("Location", path.replace("/old/", "/articles/", 1))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path.startswith("/articles/") or path == "/private/secret":
            return self.send(200, en_article(path.rsplit("/", 1)[1].replace("-", " ") + " story"))
        if path.startswith("/news/"):
            return self.fault(path.rsplit("/", 1)[1])
        return self.send(404, b"not found")

    def fault(self, name: str) -> None:
        if name in ("en-1", "ru-1", "kk-1"):
            return self.send(200, page(f"article_{name.split('-')[0]}.html"))
        if name == "cp1251":
            return self.send(
                200, page("article_cp1251.html").decode().encode("cp1251"), "text/html"
            )
        if name == "bad-utf8":
            body = (
                page("article_en.html")
                .replace(b"Court fines", b"Court \xff\xfe fines")
                .replace(b"A district", b"A \xc3 district")
            )
            return self.send(200, body.replace(b"council coverage", b"invalid bytes"))
        if name == "js":
            return self.send(200, page("js_only.html"))
        if name == "empty":
            return self.send(200, b"")
        if name == "500":
            return self.send(500, b"oops")
        if name == "timeout":
            time.sleep(self.server.slow)
            return self.send(200, en_article("too late"))
        if name == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return None
        if name in ("loop", "loop2"):
            self.send_response(302)
            self.send_header("Location", "/news/loop2" if name == "loop" else "/news/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if name == "huge":
            return self.stream_huge()
        if name in ("gzip-bomb", "br-bomb"):
            kind = name.split("-")[0]
            return self.send(200, bombs()[kind], Content_Encoding=kind)
        if name == "429":
            if self.server.hits["/news/429"] == 1:
                return self.send(429, b"slow down", Retry_After="1")
            return self.send(200, en_article("Patience rewarded"))
        return self.send(404, b"no such fault")

    def stream_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        for _ in range(HUGE_BYTES // len(chunk)):
            self.wfile.write(chunk)


class Site(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, slow: float = 8.0):
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: collections.Counter = collections.Counter()
        self.slow = slow
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
