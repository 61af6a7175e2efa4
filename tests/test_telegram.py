"""Telegram public channels over real HTTP on loopback: the demo newsroom serves two channels'
web previews (``/tg/s/<channel>``, like ``t.me/s/<channel>``) and a renamed one; real Scrapy
crawls them twice in subprocesses, then tagging, detection and grouping run on what was stored."""

from __future__ import annotations

import pytest
import yaml
from crawl_sources import FAST
from newsroom_http import fetch

from crawlers.registry import parse_sources
from crawlers.run import crawl_sources
from crawlers.telegram import ChannelUnavailable, channel_of, page_url, parse_preview
from presswatch.newsroom.server import start
from presswatch.newsroom.sources import source_entries
from storage.archive import connect
from storage.migrations import migrate
from storage.posts import post_of
from storage.runs import failures

TELEGRAM = ["telegram-stepnoy-signal", "telegram-dala-tynysy", "telegram-kokorai-old"]
NEWS = ["almaty-pulse-atom", "taldy-habar-sitemap"]


@pytest.fixture(scope="module")
def room():
    with start() as newsroom:
        yield newsroom


@pytest.fixture(scope="module")
def crawled(room, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("telegram")
    entries = [e for e in source_entries(room.base_url) if e["name"] in TELEGRAM + NEWS]
    sources = tmp / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": entries}, allow_unicode=True), encoding="utf-8")
    db = connect(tmp / "archive.db")
    migrate(db)
    first = crawl_sources(tmp / "archive.db", sources, settings=FAST, quiet=True)
    limited = set(room.site.telegram.limited)
    second = crawl_sources(tmp / "archive.db", sources, names=TELEGRAM, settings=FAST, quiet=True)
    return {"db": db, "first": first, "second": second, "limited": limited, "base": room.base_url}


def post_url(crawled, channel: str, post: int) -> str:
    return f"{crawled['base']}/tg/{channel}/{post}"


def article(db, url: str) -> dict:
    rows = list(db.query("SELECT * FROM articles WHERE url = ?", [url]))
    assert rows, f"no article {url}"
    return rows[0]


# -- the preview parser on the newsroom's pages --------------------------------------------------
def test_a_preview_page_is_parsed_into_posts_oldest_first(room):
    url = room.url("/tg/s/stepnoy_signal") + "?before=207"
    preview = parse_preview(fetch(url).body, url)
    assert preview.title == "Степной сигнал" and preview.before == 202
    assert [p.post_id for p in preview.posts] == [202, 203, 204, 205, 206]
    forward = preview.posts[1]
    assert forward.forwarded_from == "Kokorai News"
    assert forward.forwarded_url == room.url("/tg/kokorai_news/88")
    assert forward.url == room.url("/tg/stepnoy_signal/203")
    assert forward.published == "2026-11-02T06:15:00+00:00"
    assert "Дариги Ескендировой" in forward.text and "\n" in forward.text
    assert preview.posts[0].links == ["https://gorod-alatau.example/afisha/noyabr"]
    assert preview.posts[3].text == "" and preview.posts[3].photos == 1


def test_the_oldest_page_has_no_more_link_and_paging_uses_before(room):
    start_url = room.url("/tg/s/stepnoy_signal")
    assert page_url(start_url, 202) == start_url + "?before=202"
    preview = parse_preview(fetch(page_url(start_url, 202)).body, start_url)
    assert [p.post_id for p in preview.posts] == [201] and preview.before is None


def test_a_channel_without_preview_is_unavailable(room):
    contact = room.url("/tg/kokorai_old")
    with pytest.raises(ChannelUnavailable, match="kokorai_old"):
        parse_preview(fetch(contact).body, contact, "kokorai_old")
    assert fetch(room.url("/tg/s/kokorai_old")).status == 302


def test_telegram_sources_must_name_a_channel_preview():
    good, problems = parse_sources(
        "sources:\n"
        "  - {name: a, kind: telegram, start_urls: ['https://t.me/s/some_channel']}\n"
        "  - {name: b, kind: telegram, start_urls: ['https://t.me/some_channel']}\n"
    )
    assert [g["name"] for g in good] == ["a"]
    assert "t.me/s/<channel>" in problems[0].message
    assert channel_of("https://t.me/s/some_channel") == "some_channel"


# -- the crawl --------------------------------------------------------------------------------
def test_each_post_with_text_is_an_article_under_its_permalink(crawled):
    db = crawled["db"]
    urls = {r["url"] for r in db.query("SELECT url FROM articles WHERE source LIKE 'telegram-%'")}
    ru = {post_url(crawled, "stepnoy_signal", i) for i in range(201, 212) if i != 205}
    kk = {post_url(crawled, "dala_tynysy", i) for i in range(301, 307)}
    assert urls == ru | kk  # all three pages of the Russian channel; the photo alone is not one
    post = article(db, post_url(crawled, "dala_tynysy", 302))
    assert post["lang"] == "kk" and post["extractor"] == "telegram-preview"
    assert post["published_at"] == "2026-09-30T09:05:00+00:00"
    assert post["text"].startswith("«Тұмар ТВ» телеарнасының YouTube-арнасы бұзылды")
    assert post["outlet"] == "Дала тынысы" and post["title"]


def test_links_forwards_and_photos_are_kept_beside_the_article(crawled):
    db = crawled["db"]
    fwd = post_of(db, post_url(crawled, "dala_tynysy", 304))
    assert fwd["forwarded_from"] == "Степной сигнал" and fwd["channel"] == "dala_tynysy"
    assert fwd["forwarded_url"].endswith("/tg/stepnoy_signal/199") and fwd["post_id"] == 304
    assert post_of(db, post_url(crawled, "stepnoy_signal", 208))["links"] == [
        "https://transport-almaty.example/routes/47"
    ]
    assert post_of(db, post_url(crawled, "stepnoy_signal", 206))["photos"] == 2
    page = db.execute(
        "SELECT p.url FROM pages p JOIN articles a ON a.page_id = p.id WHERE a.url = ?",
        [post_url(crawled, "stepnoy_signal", 203)],
    ).fetchone()
    assert page[0] == post_url(crawled, "stepnoy_signal", 203)  # the post's markup is its evidence


def test_429_is_waited_out_and_the_channel_is_read(crawled):
    assert crawled["limited"] == {"dala_tynysy"}
    assert crawled["first"]["telegram-dala-tynysy"]["status"] == "ok"
    assert crawled["first"]["telegram-dala-tynysy"]["items"] == 6


def test_a_renamed_channel_is_a_recorded_source_failure(crawled):
    result = crawled["first"]["telegram-kokorai-old"]
    assert result["status"] == "failed" and "kokorai_old" in result["reason"]
    kinds = {(f["source"], f["kind"]) for f in failures(crawled["db"])}
    assert ("telegram-kokorai-old", "channel_unavailable") in kinds
    assert crawled["first"]["telegram-stepnoy-signal"]["status"] == "ok"


def test_an_edited_post_is_a_new_version_and_known_pages_are_not_read_again(crawled):
    db = crawled["db"]
    edited = article(db, post_url(crawled, "stepnoy_signal", 210))
    assert edited["version"] == 2 and "09:00 до 18:00" in edited["text"]
    old = list(db.query("SELECT text FROM article_versions WHERE article_id = ?", [edited["id"]]))
    assert len(old) == 1 and "10:00 до 16:00" in old[0]["text"]
    assert post_of(db, edited["url"])["edited"] is True
    assert crawled["second"]["telegram-stepnoy-signal"]["updated"] == 1
    # responses: robots.txt and the preview pages (three, then only the newest one)
    assert crawled["first"]["telegram-stepnoy-signal"]["pages"] == 1 + 3
    assert crawled["second"]["telegram-stepnoy-signal"]["pages"] == 1 + 1


def test_a_post_and_a_news_article_on_the_same_event_are_one_candidate(crawled, monkeypatch):
    from nlp.detect.detection import detect_pending
    from nlp.incidents.grouping import group_and_file
    from nlp.tagging import tag_pending

    db = crawled["db"]
    monkeypatch.setenv("PRESSWATCH_DETECTOR", "rules")
    tag_pending(db)
    detect_pending(db)
    group_and_file(db)

    def candidate_urls(url: str) -> set[str]:
        sql = (
            "SELECT a2.url FROM articles a JOIN candidate_articles ca ON ca.article_id = a.id "
            "JOIN candidate_articles cb ON cb.candidate_id = ca.candidate_id "
            "JOIN articles a2 ON a2.id = cb.article_id WHERE a.url = ?"
        )
        return {r[0] for r in db.execute(sql, [url]).fetchall()}

    ddos = candidate_urls(post_url(crawled, "stepnoy_signal", 203))
    assert any("/almaty-pulse/" in u and "inc-001" in u for u in ddos), ddos
    hack = candidate_urls(post_url(crawled, "dala_tynysy", 302))
    assert any("/taldy-habar/" in u and "inc-086" in u for u in hack), hack
    assert not candidate_urls(post_url(crawled, "stepnoy_signal", 209))  # a zoo is no incident
