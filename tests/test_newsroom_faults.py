"""The fault outlet behaves as documented: status codes, headers and sizes, over loopback."""

from __future__ import annotations

import http.client
import socket
import zlib

import brotli
import feedparser
import pytest
from newsroom_http import fetch

from presswatch.newsroom import start
from presswatch.newsroom.charsets import PAGES
from presswatch.newsroom.faults import BOMB_BYTES, FAULTS, GOOD, HUGE_BYTES, good_paths

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def room():
    with start() as newsroom:
        yield newsroom


def test_feed_lists_every_fault_the_good_articles_and_a_linkless_entry(room):
    parsed = feedparser.parse(fetch(room.url("/faulty-wire/feed.xml?slow=7")).body)
    assert not parsed.bozo
    links = [e.get("link") for e in parsed.entries]
    assert None in links
    paths = {link.removeprefix(room.base_url) for link in links if link}
    assert {p for p in FAULTS if p != "/faulty-wire/slow"} <= paths
    assert "/faulty-wire/slow?delay=7" in paths
    assert {f"/faulty-wire/news/{k}" for k in GOOD if k != "rate-limited"} <= paths


@pytest.mark.parametrize("key", [k for k in GOOD if k != "rate-limited"])
def test_good_articles_are_ordinary_pages(room, key):
    r = fetch(room.url(f"/faulty-wire/news/{key}"))
    assert r.status == 200 and GOOD[key][0].encode() in r.body


def test_500(room):
    assert fetch(room.url("/faulty-wire/error-500")).status == 500


def test_slow_page_sleeps_as_long_as_asked(room):
    with pytest.raises(TimeoutError):
        fetch(room.url("/faulty-wire/slow?delay=3"), timeout=0.5)
    assert fetch(room.url("/faulty-wire/slow?delay=0")).status == 200


def test_connection_reset(room):
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected)):
        fetch(room.url("/faulty-wire/reset"))


def test_reset_is_a_tcp_rst(room):
    sock = socket.create_connection((room.host, room.port), timeout=5)
    sock.sendall(b"GET /faulty-wire/reset HTTP/1.1\r\nHost: x\r\n\r\n")
    with pytest.raises(ConnectionResetError):
        sock.recv(1024) or sock.recv(1024)
    sock.close()


def test_redirect_loop(room):
    a = fetch(room.url("/faulty-wire/loop/a"))
    b = fetch(room.url(a.headers["Location"]))
    assert (a.status, b.status) == (302, 302)
    assert b.headers["Location"] == "/faulty-wire/loop/a"


def test_huge_page_announces_50_mib_and_streams(room):
    r = fetch(room.url("/faulty-wire/huge"), limit=256 * 1024)
    assert r.status == 200 and int(r.headers["Content-Length"]) == HUGE_BYTES == 50 * MiB
    assert len(r.body) == 256 * 1024 and r.body.startswith(b"<!DOCTYPE html>")


def inflated_size(body: bytes) -> int:
    """Size of a gzip body once inflated, counted in 1 MiB steps (never held whole)."""
    inflater, total, data = zlib.decompressobj(31), 0, body
    while data:
        total += len(inflater.decompress(data, MiB))
        data = inflater.unconsumed_tail
    return total + len(inflater.flush())


def test_gzip_bomb_is_small_on_the_wire_and_huge_inflated(room):
    r = fetch(room.url("/faulty-wire/gzip-bomb"))
    assert r.headers["Content-Encoding"] == "gzip" and len(r.body) < 1 * MiB
    assert 100 * MiB < BOMB_BYTES
    assert inflated_size(r.body) == BOMB_BYTES + len(b"<html><body><p>")


def test_brotli_bomb_is_small_on_the_wire_and_huge_inflated(room):
    r = fetch(room.url("/faulty-wire/brotli-bomb"))
    assert r.headers["Content-Encoding"] == "br" and len(r.body) < 64 * 1024
    assert len(brotli.decompress(r.body)) > 100 * MiB


def test_malformed_feed_and_entity_bomb_are_flagged_by_feedparser(room):
    for path in ("/faulty-wire/malformed.xml", "/faulty-wire/entity-bomb.xml"):
        r = fetch(room.url(path))
        assert r.status == 200
        assert feedparser.parse(r.body).bozo, path
    bomb = fetch(room.url("/faulty-wire/entity-bomb.xml")).body
    assert b"<!ENTITY lol9" in bomb and len(bomb) < 4096


def test_empty_and_javascript_only_pages(room):
    empty = fetch(room.url("/faulty-wire/empty"))
    assert empty.status == 200 and empty.body == b"" and empty.headers["Content-Length"] == "0"
    js = fetch(room.url("/faulty-wire/js-only")).body.decode()
    assert '<div id="app"></div>' in js and "<p>" not in js.split("</script>")[1]


def test_robots_disallows_the_private_page(room):
    assert "Disallow: /faulty-wire/private/" in fetch(room.url("/robots.txt")).body.decode()


def test_429_with_retry_after_then_success(room):
    first = fetch(room.url("/faulty-wire/rate-limited"))
    second = fetch(room.url("/faulty-wire/rate-limited"))
    assert first.status == 429 and first.headers["Retry-After"] == "1"
    assert second.status == 200 and GOOD["rate-limited"][0].encode() in second.body


def test_invalid_utf8_is_declared_utf8(room):
    r = fetch(room.url("/faulty-wire/bad-utf8"))
    assert r.headers.get_content_charset() == "utf-8"
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    assert "ordinary paragraph" in r.body.decode("utf-8", "replace")


@pytest.mark.parametrize("slug", list(PAGES))
def test_encoding_pages_decode_to_cyrillic(room, slug):
    encoding, _ctype, _meta, bom, title = PAGES[slug]
    r = fetch(room.url(f"/faulty-wire/enc/{slug}"))
    assert r.body.startswith(bom) and r.body[len(bom) :].decode(encoding).count(title) == 2
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8") if encoding != "utf-8" else r.body.decode("ascii")
    declared = r.headers.get_content_charset()
    assert declared == ("koi8-r" if slug == "koi8r" else None)


def test_good_paths_are_all_in_the_feed_and_answer_200(room):
    feed = fetch(room.url("/faulty-wire/feed.xml")).body.decode()
    for path in good_paths():
        assert room.url(path) in feed
        status = fetch(room.url(path)).status
        assert status in (200, 429) if path.endswith("rate-limited") else status == 200
