"""The newsroom's written content: loads, validates, and meets the issue's floors."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from presswatch.newsroom.content import CONTENT_DIR, load_articles
from presswatch.newsroom.outlets import OUTLETS
from storage.errors import ConfigError

ARTICLES = load_articles(CONTENT_DIR, set(OUTLETS))


def test_at_least_150_articles_and_60_incidents():
    assert len(ARTICLES) >= 150
    assert sum(a.incident for a in ARTICLES) >= 60


def test_incidents_cover_all_three_blocks():
    blocks = {c.split(".")[0] for a in ARTICLES for c in a.gold.get("categories", [])}
    assert {"rights", "access", "legal"} <= blocks


def test_several_stories_covered_by_two_outlets_in_different_languages():
    outlets, langs = defaultdict(set), defaultdict(set)
    for a in ARTICLES:
        if a.story:
            outlets[a.story].add(a.outlet)
            langs[a.story].add(a.lang)
    shared = [s for s in outlets if len(outlets[s]) >= 2 and len(langs[s]) >= 2]
    assert len(shared) >= 3


def test_follow_ups_exist_and_every_outlet_has_articles():
    assert any(a.followup for a in ARTICLES)
    assert set(Counter(a.outlet for a in ARTICLES)) == set(OUTLETS)


def test_every_article_has_text_and_an_offset_date():
    for a in ARTICLES:
        assert a.paragraphs and a.title
        assert a.published.utcoffset() is not None


def test_broken_yaml_is_a_config_error(tmp_path: Path):
    (tmp_path / "articles_bad.yaml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="articles_bad.yaml"):
        load_articles(tmp_path)


def test_entry_missing_a_field_is_named(tmp_path: Path):
    (tmp_path / "articles_x.yaml").write_text(
        "- {id: a1, outlet: steppe-herald, lang: en, published: '2026-11-01T10:00:00+05:00', section: s, title: T}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="'a1'.*missing body"):
        load_articles(tmp_path)


def test_unknown_outlet_and_duplicate_ids_are_rejected(tmp_path: Path):
    entry = "- {id: a1, outlet: %s, lang: en, published: '2026-11-01T10:00:00+05:00', section: s, title: T, body: B}\n"
    (tmp_path / "articles_1.yaml").write_text(entry % "nowhere", encoding="utf-8")
    with pytest.raises(ConfigError, match="nowhere"):
        load_articles(tmp_path, set(OUTLETS))
    (tmp_path / "articles_1.yaml").write_text(entry % "steppe-herald", encoding="utf-8")
    (tmp_path / "articles_2.yaml").write_text(entry % "steppe-herald", encoding="utf-8")
    with pytest.raises(ConfigError, match="duplicate"):
        load_articles(tmp_path, set(OUTLETS))


def test_paragraphs_split_on_blank_lines(tmp_path: Path):
    (tmp_path / "articles_p.yaml").write_text(
        "- id: p\n  outlet: steppe-herald\n  lang: en\n  published: '2026-11-01T10:00:00+05:00'\n"
        "  section: s\n  title: T\n  body: |\n    one\n    line\n\n    two\n",
        encoding="utf-8",
    )
    [a] = load_articles(tmp_path)
    assert a.paragraphs == ("one line", "two")
