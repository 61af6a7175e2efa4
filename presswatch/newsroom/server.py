"""The newsroom on a loopback socket: a ThreadingHTTPServer in a daemon thread.

``start(port=0)`` returns a running :class:`Newsroom` (also a context manager);
``write_sources`` writes the matching ``sources.yaml``.
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from presswatch.newsroom.responses import Request, Response
from presswatch.newsroom.site import Site
from presswatch.newsroom.sources import write_sources

__all__ = ["Newsroom", "start", "write_sources"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PresswatchNewsroom/1.0"
    server: NewsroomServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(
            socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
        )  # no 40 ms Nagle stalls

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self.serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self.serve(head=True)

    def request_of(self) -> Request:
        url = urlsplit(self.path)
        host = (
            self.headers.get("Host")
            or f"{self.server.server_address[0]!s}:{self.server.server_address[1]}"
        )
        return Request(
            unquote(url.path), dict(parse_qsl(url.query)), self.headers, f"http://{host}"
        )

    def serve(self, head: bool) -> None:
        try:
            resp = self.server.site.handle(self.request_of())
        except Exception as exc:  # a newsroom bug: answer 500 and say why, keep serving
            self.log_error("newsroom error on %s: %r", self.path, exc)
            resp = Response(
                500, f"newsroom error: {exc!r}\n".encode(), {"Content-Type": "text/plain"}
            )
        if resp.delay and self.server.stopping.wait(resp.delay):
            resp = Response(503, b"shutting down\n", {"Retry-After": "1"})
        if resp.reset:
            self.reset()
            return
        self.send_response(resp.status)
        for key, value in self.headers_of(resp).items():
            self.send_header(key, value)
        self.end_headers()
        if not head and resp.status != 304:
            self.write(resp)

    def headers_of(self, resp: Response) -> dict[str, str]:
        headers = dict(resp.headers)
        if isinstance(resp.body, bytes) and resp.status != 304:
            headers.setdefault("Content-Length", str(len(resp.body)))
        if "Content-Length" not in headers and resp.status != 304:
            headers["Connection"] = "close"
            self.close_connection = True
        return headers

    def write(self, resp: Response) -> None:
        chunks = [resp.body] if isinstance(resp.body, bytes) else resp.body
        try:
            for chunk in chunks:
                if self.server.stopping.is_set():
                    break
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def reset(self) -> None:
        """Abort the connection with a TCP RST: SO_LINGER on, timeout 0, close."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if self.server.verbose:
            super().log_message(format, *args)


class NewsroomServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], site: Site, verbose: bool = False):
        super().__init__(address, Handler)
        self.site, self.verbose, self.stopping = site, verbose, threading.Event()

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (the crawler cancelling a too-large page) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class Newsroom:
    """A running newsroom: ``base_url``, ``port``, ``site``; ``stop()`` or use ``with``."""

    def __init__(self, server: NewsroomServer):
        self.server = server
        self.site = server.site
        self.host, self.port = str(server.server_address[0]), int(server.server_address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self.thread = threading.Thread(target=server.serve_forever, name="newsroom", daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def stop(self) -> None:
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> Newsroom:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(
    port: int = 0,
    host: str = "127.0.0.1",
    generated: int = 0,
    faults: bool = True,
    verbose: bool = False,
    site: Site | None = None,
) -> Newsroom:
    """Serve the newsroom (plus ``generated`` bulk articles) on ``host:port`` (0 = any free port)."""
    site = site or Site(generated=generated, faults=faults)
    return Newsroom(NewsroomServer((host, port), site, verbose))
