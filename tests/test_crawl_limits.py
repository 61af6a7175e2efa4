"""Hostile sitemaps served by the demo newsroom over real HTTP, crawled in a real subprocess: entity
declarations and oversized XML are recorded failures, and every per-page bound (links per page,
sitemap index depth, fan-out and total) is a setting whose hit is a recorded failure."""

from __future__ import annotations

import pytest
import yaml
from crawl_sources import FAST

from crawlers.hostile_xml import HostileXML, refuse_hostile
from crawlers.run import crawl_sources
from presswatch.newsroom import start
from presswatch.newsroom.hostile import ENTITY_BOMB, PREFIX
from storage.runs import failures

LIMITS = {
    "LINKS_MAX_PER_PAGE": 10,
    "XML_MAX_BYTES": 200_000,
    "SITEMAP_MAX_DEPTH": 3,
    "SITEMAP_MAX_CHILDREN": 30,
    "SITEMAP_MAX_SITEMAPS": 12,
}
SOURCES = {  # source → (sitemap path, failure kind)
    "bomb": ("entity-bomb.xml", "xml_entities"),
    "external": ("external-entity.xml", "xml_entities"),
    "padded": ("padded.xml?kb=300", "oversized_xml"),
    "many": ("many.xml?urls=25", "limit_links"),
    "deep": ("deep-0.xml", "limit_sitemap_depth"),
    "wide": ("wide.xml?children=40", "limit_sitemap_children"),
}


def entry(base: str, name: str, path: str) -> dict:
    return {
        "name": name,
        "outlet": "Faulty Wire",
        "kind": "sitemap",
        "lang": "en",
        "start_urls": [base + PREFIX + path],
        "local": True,
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    from storage.archive import connect
    from storage.migrations import migrate

    tmp = tmp_path_factory.mktemp("limits")
    db = connect(tmp / "archive.db")
    migrate(db)
    with start() as room:
        sources = tmp / "sources.yaml"
        entries = [entry(room.base_url, n, p) for n, (p, _) in SOURCES.items()]
        sources.write_text(yaml.safe_dump({"sources": entries}))
        results = crawl_sources(tmp / "archive.db", sources, settings={**FAST, **LIMITS})
    return results, failures(db)


@pytest.mark.parametrize("name", SOURCES)
def test_each_hostile_sitemap_is_a_recorded_failure(crawled, name):
    results, rows = crawled
    kinds = {r["kind"] for r in rows if r["source"] == name}
    assert SOURCES[name][1] in kinds, (name, kinds)
    assert results[name]["errors"] >= 1


@pytest.mark.parametrize("name", ["bomb", "external", "padded"])
def test_refused_xml_fails_its_source(crawled, name):
    results, _ = crawled
    assert results[name]["status"] == "failed"
    assert results[name]["items"] == 0


def test_links_beyond_the_bound_are_not_followed(crawled):
    results, rows = crawled
    # robots.txt, the sitemap and the first 10 of its 25 URLs
    assert results["many"]["pages"] == 12
    (hit,) = [r for r in rows if r["kind"] == "limit_links"]
    assert "25 links" in hit["reason"] and "LINKS_MAX_PER_PAGE (10)" in hit["reason"]


def test_sitemap_fan_out_and_total_are_bounded(crawled):
    results, rows = crawled
    kinds = {r["kind"] for r in rows if r["source"] == "wide"}
    assert {"limit_sitemap_children", "limit_sitemaps"} <= kinds
    assert results["wide"]["pages"] <= 2 + 12 + 12  # robots, index, 12 leaves, their articles


def test_endless_index_stops_at_the_depth_bound(crawled):
    results, _ = crawled
    assert results["deep"]["pages"] == 1 + 4  # robots and deep-0 … deep-3


def test_entity_declarations_are_refused_before_parsing():
    with pytest.raises(HostileXML) as caught:
        refuse_hostile(ENTITY_BOMB.encode(), "http://x/s.xml", 10_000_000)
    assert caught.value.kind == "xml_entities"
    plain = b'<?xml version="1.0"?><urlset><url><loc>http://x/a</loc></url></urlset>'
    assert refuse_hostile(plain, "http://x/s.xml", 10_000_000) == plain
