"""The demo newsroom over real HTTP on loopback: feeds, sitemaps, pages, encodings, robots, 304."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.robotparser import RobotFileParser

import charset_normalizer
import feedparser
import parsel
import pytest
from newsroom_http import fetch

from presswatch.newsroom import start
from presswatch.newsroom.outlets import OUTLETS, article_path, draft_path, variant_path
from presswatch.newsroom.site import NEWS_SITEMAP_SIZE
from presswatch.newsroom.sources import COURT_FIELDS, source_entries

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
FEEDS = {
    "/steppe-herald/feed.xml": ("steppe-herald", "rss20"),
    "/vestnik-stepi/rss.xml": ("vestnik-stepi", "rss091u"),
    "/vestnik-stepi/rdf.xml": ("vestnik-stepi", "rss10"),
    "/almaty-pulse/atom.xml": ("almaty-pulse", "atom10"),
}
CACHED = [
    *FEEDS,
    "/almaty-pulse/sitemap.xml",
    "/almaty-pulse/sitemap-news.xml",
    "/almaty-pulse/sitemap-archive.xml",
    "/taldy-habar/sitemap.xml",
]


@pytest.fixture(scope="module")
def room():
    with start() as newsroom:
        yield newsroom


def page_text(room, path: str) -> str:
    r = fetch(room.url(path))
    assert r.status == 200, path
    charset = r.headers.get_content_charset() or "windows-1251"
    return unescape(r.body.decode(charset))


def follow(room, url: str, links: str, nxt: str, limit: int = 50) -> list[str]:
    """Every link of a paginated listing, following ``nxt`` like the listing spider would."""
    found, pages = [], 0
    while url and pages < limit:
        sel = parsel.Selector(text=page_text(room, url))
        found += sel.css(links).xpath("@href").getall()
        more = sel.css(nxt).xpath("@href").get()
        url = url.split("?")[0] + more if more and more.startswith("?") else more
        pages += 1
    return found


@pytest.mark.parametrize("path", list(FEEDS))
def test_feeds_parse_with_feedparser(room, path):
    slug, version = FEEDS[path]
    r = fetch(room.url(path))
    parsed = feedparser.parse(r.body, response_headers={"content-type": r.headers["Content-Type"]})
    assert not parsed.bozo and parsed.version == version
    titles = {e.title for e in parsed.entries}
    assert {a.title for a in room.site.newest[slug]} <= titles


def test_vestnik_feeds_are_windows_1251_with_tracking_links(room):
    r = fetch(room.url("/vestnik-stepi/rss.xml"))
    assert b'encoding="windows-1251"' in r.body[:60]
    parsed = feedparser.parse(r.body, response_headers={"content-type": r.headers["Content-Type"]})
    assert all("utm_source=" in e.link for e in parsed.entries)


def test_almaty_sitemap_index_leads_to_a_news_sitemap(room):
    index = ET.fromstring(fetch(room.url("/almaty-pulse/sitemap.xml")).body)
    locs = [e.text for e in index.iter(SM + "loc")]
    news_url = next(u for u in locs if u.endswith("sitemap-news.xml"))
    urls = ET.fromstring(fetch(news_url).body).findall(SM + "url")
    assert len(urls) == NEWS_SITEMAP_SIZE + 1  # + the robots-disallowed draft
    assert all(u.find(NEWS + "news/" + NEWS + "publication_date") is not None for u in urls)
    listed = {e.text for loc in locs for e in ET.fromstring(fetch(loc).body).iter(SM + "loc")}
    assert {room.url(article_path(a)) for a in room.site.newest["almaty-pulse"]} <= listed


def test_taldy_habar_plain_sitemap_lists_every_article(room):
    urlset = ET.fromstring(fetch(room.url("/taldy-habar/sitemap.xml")).body)
    locs = {e.text for e in urlset.iter(SM + "loc")}
    assert {room.url(article_path(a)) for a in room.site.newest["taldy-habar"]} <= locs


def test_every_article_is_reachable_with_its_title(room):
    for a in room.site.articles:
        assert a.title in page_text(room, article_path(a)), a.id


@pytest.mark.parametrize("mode", ["meta", "header", "wrong"])
def test_vestnik_pages_declare_windows_1251_three_ways(room, mode):
    a = next(a for a in room.site.newest["vestnik-stepi"] if room.site.charsets[a.id] == mode)
    r = fetch(room.url(article_path(a)))
    head = r.body[:400].decode("ascii", "replace")
    header_charset = r.headers.get_content_charset()
    assert header_charset == (None if mode == "wrong" else "windows-1251")
    assert ("charset=windows-1251" in head) == (mode == "meta")
    assert ('<meta charset="utf-8">' in head) == (mode == "wrong")
    assert a.title in unescape(r.body.decode("windows-1251"))
    guessed = charset_normalizer.from_bytes(r.body).best()
    assert guessed.encoding == "cp1251"


def test_vestnik_wrong_declaration_is_not_utf8(room):
    a = next(a for a in room.site.newest["vestnik-stepi"] if room.site.charsets[a.id] == "wrong")
    with pytest.raises(UnicodeDecodeError):
        fetch(room.url(article_path(a))).body.decode("utf-8")


def test_listing_selectors_from_sources_reach_every_article(room):
    for entry in source_entries(room.base_url):
        if entry["kind"] not in ("listing", "court"):
            continue
        start_url = entry["start_urls"][0].removeprefix(room.base_url)
        links = follow(room, start_url, entry["listing"]["links"], entry["listing"]["next"])
        wanted = {article_path(a) for a in room.site.newest[OUTLETS_BY_NAME[entry["outlet"]]]}
        reached = {link.split("?")[0] for link in links}
        reached |= {article_path(room.site.variants[p]) for p in reached if p in room.site.variants}
        assert wanted <= reached, entry["name"]


OUTLETS_BY_NAME = {o.name: slug for slug, o in OUTLETS.items()}


def test_vestnik_lenta_links_carry_utm_and_some_lead_to_the_mobile_twin(room):
    links = follow(room, "/vestnik-stepi/lenta", "a.news-link", "a.next")
    assert all("utm_" in link for link in links if "/private/" not in link)
    mobile = [link for link in links if "/m/news/" in link]
    assert mobile
    page = page_text(room, mobile[0])
    canonical = parsel.Selector(text=page).css("link[rel=canonical]::attr(href)").get()
    assert canonical == room.url(mobile[0].split("?")[0].replace("/m/news/", "/news/"))


def test_almaty_amp_twin_points_to_its_canonical(room):
    a = room.site.newest["almaty-pulse"][0]
    desktop = parsel.Selector(text=page_text(room, article_path(a)))
    assert desktop.css("link[rel=amphtml]::attr(href)").get() == room.url(variant_path(a))
    amp = page_text(room, variant_path(a))
    assert "<html amp" in amp
    assert parsel.Selector(text=amp).css("link[rel=canonical]::attr(href)").get() == room.url(
        article_path(a)
    )
    atom = feedparser.parse(fetch(room.url("/almaty-pulse/atom.xml")).body)
    assert any(e.link.endswith("/amp/") for e in atom.entries)


def test_steppe_herald_metadata(room):
    a = next(a for a in room.site.newest["steppe-herald"] if a.authors)
    sel = parsel.Selector(text=page_text(room, article_path(a)))
    ld = json.loads(sel.css("script[type='application/ld+json']::text").get())
    assert ld["@type"] == "NewsArticle" and ld["datePublished"] == a.published.isoformat()
    assert [p["name"] for p in ld["author"]] == list(a.authors)
    assert sel.css("meta[property='og:title']::attr(content)").get() == a.title
    assert sel.css("article h1.headline::text").get() == a.title
    assert sel.css("section.comments .comment") and sel.css("aside.related li")


def test_taldy_habar_writes_dates_in_kazakh(room):
    a = room.site.newest["taldy-habar"][0]
    day = parsel.Selector(text=page_text(room, article_path(a))).css("div.kuni::text").get()
    assert re.fullmatch(
        rf"{a.published.year} жылғы {a.published.day} [а-яәғқңөұүһі]+, \d\d:\d\d", day
    )


def test_court_case_fields_select_with_the_declared_css(room):
    a = room.site.newest["court-portal"][0]
    sel = parsel.Selector(text=page_text(room, article_path(a)))
    got = {
        k: " ".join(" ".join(sel.css(css).xpath("string()").getall()).split())
        for k, css in COURT_FIELDS.items()
    }
    assert got["title"] == a.title
    assert re.fullmatch(r"[\d\-/]+", got["case_number"])
    assert "суд" in got["court"].lower()
    assert got["date"] == a.published.strftime("%d.%m.%Y")
    assert a.paragraphs[0][:40] in got["text"]


def test_robots_txt_disallows_one_linked_page_per_outlet(room):
    robots = RobotFileParser()
    robots.parse(fetch(room.url("/robots.txt")).body.decode().splitlines())
    for o in OUTLETS.values():
        assert not robots.can_fetch("presswatch", room.url(draft_path(o)))
        assert robots.can_fetch("presswatch", room.url(article_path(room.site.newest[o.slug][0])))
    feed = fetch(room.url("/steppe-herald/feed.xml")).body.decode()
    assert draft_path(OUTLETS["steppe-herald"]) in feed


@pytest.mark.parametrize("path", CACHED)
def test_conditional_get_answers_304(room, path):
    first = fetch(room.url(path))
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag and modified
    assert fetch(room.url(path), {"If-None-Match": etag}).status == 304
    assert fetch(room.url(path), {"If-Modified-Since": modified}).status == 304
    assert fetch(room.url(path), {"If-None-Match": '"stale"'}).status == 200
    assert (
        fetch(room.url(path), {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}).status == 200
    )


def test_unknown_paths_are_404(room):
    assert fetch(room.url("/steppe-herald/no-such-page")).status == 404
    assert fetch(room.url("/nowhere/")).status == 404
