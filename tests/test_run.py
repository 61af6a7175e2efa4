"""Crawl a misbehaving loopback site twice in real subprocesses: every good article is stored
once, every fault is recorded on its source with a reason, and the second crawl only asks
again for what failed (the feed answers 304, stored URLs are skipped)."""

from __future__ import annotations

import pytest
from crawl_site import Site
from crawl_sources import FAST, write

from crawlers.run import crawl_sources
from storage.archive import connect
from storage.migrations import migrate
from storage.runs import failures

GOOD = {
    "/news/en-1",
    "/news/ru-1",
    "/news/kk-1",
    "/news/cp1251",
    "/news/bad-utf8",
    "/news/429",
    "/articles/atom-1",
    "/articles/rdf-1",
    "/articles/rss091-1",
    "/articles/map-1",
    "/articles/map-2",
    "/articles/map-3",
    "/articles/map-4",
    "/articles/newsmap-1",
    "/articles/list-1-1",
    "/articles/list-1-2",
    "/articles/list-2-1",
    "/articles/list-2-2",
    "/court/case/1",
}
FAULTS = {  # url or source → (failure kind, words in the reason)
    "/news/500": ("http_500", "HTTP 500"),
    "/news/timeout": ("DownloadTimeoutError", "took longer"),
    "/news/reset": ("DownloadFailedError", "lost"),
    "/news/loop": ("IgnoreRequest", "max redirections"),
    "/news/huge": ("DownloadCancelledError", "DOWNLOAD_MAXSIZE"),
    "/news/gzip-bomb": ("IgnoreRequest", "DOWNLOAD_MAXSIZE"),
    "/news/br-bomb": ("IgnoreRequest", "DOWNLOAD_MAXSIZE"),
    "/news/empty": ("no_text", "no article text"),
    "/news/js": ("no_text", "no article text"),
    "/private/secret": ("IgnoreRequest", "robots.txt"),
    "/feed.xml": ("entry_without_link", "without link"),
    "/malformed.xml": ("malformed_feed", "malformed feed"),
    "/bomb.xml": ("malformed_feed", "amplification"),
    "/dead.xml": ("http_500", "HTTP 500"),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    db = connect(tmp / "archive.db")
    migrate(db)
    with Site() as site:
        sources = write(tmp / "sources.yaml", site.base)
        first = crawl_sources(tmp / "archive.db", sources, settings=FAST, quiet=True)
        first_failures = failures(db)
        first_hits = dict(site.hits)
        site.hits.clear()
        second = crawl_sources(tmp / "archive.db", sources, settings=FAST, quiet=True)
        yield {
            "db": db,
            "base": site.base,
            "first": first,
            "second": second,
            "failures": first_failures,
            "first_hits": first_hits,
            "second_hits": dict(site.hits),
        }


def paths(db, base):
    return [r["url"].removeprefix(base) for r in db.query("SELECT url FROM articles")]


def test_every_good_article_is_stored_once(crawled):
    stored = paths(crawled["db"], crawled["base"])
    assert sorted(stored) == sorted(GOOD)


@pytest.mark.parametrize("where", sorted(FAULTS))
def test_each_fault_is_recorded_with_a_reason(crawled, where):
    kind, words = FAULTS[where]
    rows = [f for f in crawled["failures"] if where in (f["url"] or "")]
    assert any(f["kind"] == kind and words in f["reason"] for f in rows), [
        (f["kind"], f["reason"]) for f in rows
    ]


def test_sources_that_cannot_be_read_fail_and_the_others_succeed(crawled):
    status = {name: r["status"] for name, r in crawled["first"].items()}
    for name in ("courier-dead", "courier-malformed", "courier-entity-bomb", "guarded"):
        assert status.pop(name) == "failed", name
    assert set(status.values()) == {"ok"}, status
    assert "private or loopback" in crawled["first"]["guarded"]["reason"]


def test_cyrillic_pages_decode_without_mojibake(crawled):
    db = crawled["db"]
    texts = {
        r["url"].rsplit("/", 1)[1]: r
        for r in db.query("SELECT url, title, text, lang FROM articles")
    }
    assert texts["cp1251"]["title"] == "Журналисту Петру Лаврову угрожали после публикации"
    assert texts["kk-1"]["lang"] == "kk" and texts["ru-1"]["lang"] == "ru"
    bad = texts["bad-utf8"]
    assert "fines reporter" in bad["title"] and "district court" in bad["text"]
    assert not any("а" <= ch <= "я" for ch in bad["title"] + bad["text"])


def test_raw_pages_are_kept_as_evidence(crawled):
    db = crawled["db"]
    row = next(
        db.query(
            "SELECT a.url, p.body_size FROM articles a JOIN pages p ON p.id = a.page_id "
            "WHERE a.url LIKE '%/court/case/1'"
        )
    )
    assert row["body_size"] > 500


def test_court_fields_are_kept(crawled):
    text = next(crawled["db"].query("SELECT text FROM articles WHERE url LIKE '%/court/case/1'"))[
        "text"
    ]
    assert "Case: 2-1234/2026" in text and "Parties: Истец" in text and "статья 143" in text


def test_429_is_retried_after_the_pause_it_asks_for(crawled):
    assert crawled["first_hits"]["/news/429"] == 2


def test_second_crawl_fetches_only_what_failed(crawled):
    hits = crawled["second_hits"]
    assert hits["/feed.xml"] == 1  # answered 304
    assert not {p for p in hits if p in GOOD}, hits
    assert "/old/map-4" not in hits  # the moved address is known as an alias of map-4
    assert sum(r["items"] for r in crawled["second"].values()) == 0
    assert crawled["second"]["courier-rss"]["errors"] > 0
