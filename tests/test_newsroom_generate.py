"""The generated ``bulk-news`` outlet: deterministic, all three languages, every article listed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import feedparser
import pytest
from newsroom_http import fetch

from presswatch.newsroom import start
from presswatch.newsroom.generate import bulk_article

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
N = 2500


@pytest.fixture(scope="module")
def room():
    with start(generated=N, faults=False) as newsroom:
        yield newsroom


def test_articles_are_deterministic_and_multilingual():
    assert bulk_article(42) == bulk_article(42)
    assert bulk_article(42).title != bulk_article(43).title
    arts = [bulk_article(i) for i in range(300)]
    assert Counter(a.lang for a in arts) == {"en": 100, "ru": 100, "kk": 100}
    assert 20 <= sum(a.incident for a in arts) <= 40


def test_sitemap_index_lists_every_article_once(room):
    index = ET.fromstring(fetch(room.url("/bulk-news/sitemap.xml")).body)
    urls = []
    for loc in index.iter(SM + "loc"):
        urls += [e.text for e in ET.fromstring(fetch(loc.text).body).iter(SM + "loc")]
    assert len(urls) == len(set(urls)) == N


def test_pages_render_and_out_of_range_is_404(room):
    r = fetch(room.url(f"/bulk-news/a/{N - 1}"))
    assert r.status == 200 and bulk_article(N - 1).title in r.body.decode()
    assert fetch(room.url(f"/bulk-news/a/{N}")).status == 404


def test_feed_and_listing(room):
    feed = feedparser.parse(fetch(room.url("/bulk-news/feed.xml")).body)
    assert len(feed.entries) == 200 and not feed.bozo
    page = fetch(room.url("/bulk-news/list?page=2")).body.decode()
    assert page.count('class="item"') == 100 and "page=3" in page


def test_sitemap_answers_304(room):
    etag = fetch(room.url("/bulk-news/sitemap-1.xml")).headers["ETag"]
    assert fetch(room.url("/bulk-news/sitemap-1.xml"), {"If-None-Match": etag}).status == 304
