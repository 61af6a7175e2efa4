"""One transaction per batch of crawled items: pages, articles, failures, outcomes per item."""

from __future__ import annotations

import pytest

from crawlers.batch import store_items
from storage.pages import page_body

SOURCE = {"name": "steppe-herald", "outlet": "Steppe Herald", "lang": "en"}


def item(n: int, text: str | None = "A reporter of the Steppe Herald was fined.", **kw) -> dict:
    article = None
    if text is not None:
        article = {
            "title": f"Story {n}",
            "text": text,
            "lang": "en",
            "published": "2026-10-01",
            "authors": ["Dana Orlova"],
            "extractor": "test",
        }
    return {
        "source": SOURCE,
        "url": f"https://herald.example/news/{n}?utm_source=feed",
        "body": f"<html>page {n} {text}</html>".encode(),
        "status": 200,
        "headers": {"Content-Type": "text/html"},
        "encoding": "utf-8",
        "article": article,
        "canonical": None,
        **kw,
    }


def test_pages_and_articles_of_a_batch_are_stored_with_their_outcomes(db):
    outcomes = store_items(db, [item(1), item(2), item(3, text=None)], run_id=None)
    assert outcomes == ["new", "new", "no_text"]
    rows = list(db.query("SELECT url, page_id FROM articles ORDER BY url"))
    assert [r["url"] for r in rows] == [
        "https://herald.example/news/1",
        "https://herald.example/news/2",
    ]
    assert page_body(db, rows[0]["page_id"]) == item(1)["body"]
    assert db["pages"].count == 3  # the page without text is kept as evidence too
    (failure,) = db.query("SELECT kind, source, url FROM failures")
    assert failure == {"kind": "no_text", "source": "steppe-herald", "url": item(3)["url"]}


def test_storing_the_same_batch_again_changes_nothing(db):
    batch = [item(1), item(2)]
    store_items(db, batch, run_id=None)
    assert store_items(db, batch, run_id=None) == ["unchanged", "unchanged"]
    assert db["pages"].count == 2 and db["articles"].count == 2


def test_a_changed_text_is_an_update(db):
    store_items(db, [item(1)], run_id=None)
    assert store_items(
        db, [item(1, text="The fine was overturned on appeal in October.")], None
    ) == ["updated"]
    assert db["article_versions"].count == 1


def test_two_urls_of_one_article_in_a_batch_count_once(db):
    amp = item(
        1, url="https://herald.example/news/1/amp", canonical="https://herald.example/news/1"
    )
    assert store_items(db, [item(1), amp], run_id=None) == ["new", "unchanged"]
    assert db["articles"].count == 1


def test_an_extraction_error_is_recorded_with_its_reason(db):
    broken = item(4, text=None, extract_error="extractor process died (exit status -11)")
    assert store_items(db, [broken], run_id=None) == ["no_text"]
    (failure,) = db.query("SELECT kind, reason FROM failures")
    assert failure["kind"] == "extract_failed"
    assert "exit status -11" in failure["reason"]


def test_a_failing_batch_stores_nothing(db, monkeypatch):
    import crawlers.batch

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(crawlers.batch, "save_batch", broken)
    with pytest.raises(RuntimeError):
        store_items(db, [item(1), item(2)], run_id=None)
    assert db["pages"].count == 0 and db["articles"].count == 0


def test_addresses_that_led_to_an_article_become_known_aliases(db):
    from storage.articles import known_urls

    moved = item(
        5,
        url="https://herald.example/news/5",
        redirected_from=["https://herald.example/?p=5&utm_campaign=x"],
        canonical="https://herald.example/2026/10/steppe-fine",
    )
    assert store_items(db, [moved], run_id=None) == ["new"]
    aliases = {r["alias"]: r["url"] for r in db.query("SELECT alias, url FROM url_aliases")}
    assert aliases == {
        "https://herald.example/?p=5": "https://herald.example/2026/10/steppe-fine",
        "https://herald.example/news/5": "https://herald.example/2026/10/steppe-fine",
    }
    asked = [
        "https://herald.example/?p=5",
        "https://herald.example/news/5",
        "https://herald.example/news/6",
    ]
    assert known_urls(db, asked) == set(asked[:2])


def test_an_article_at_its_own_address_needs_no_alias(db):
    store_items(db, [item(1)], run_id=None)
    assert db["url_aliases"].count == 0
