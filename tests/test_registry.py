import textwrap

import pytest

from crawlers.registry import load_sources, parse_sources
from storage.errors import ConfigError

GOOD = """\
sources:
  - name: alpha-news
    outlet: Alpha News
    kind: feed
    lang: ru
    start_urls: ["https://alpha.test/rss"]
  - name: broken-kind
    kind: telegraph
    start_urls: ["https://b.test/"]
  - name: no-urls
    kind: feed
  - name: beta-court
    kind: court
    lang: kk
    start_urls: ["https://court.test/"]
  - name: typo
    kind: feed
    start_urls: ["https://t.test/"]
    enabeld: false
"""


def test_bad_entries_are_reported_with_name_and_line_and_the_rest_load():
    good, problems = parse_sources(GOOD)
    assert [s["name"] for s in good] == ["alpha-news", "beta-court"]
    by_name = {p.name: p for p in problems}
    assert by_name["broken-kind"].line == 8  # the line of the field, not of the entry
    assert "feed, sitemap, listing, court" in by_name["broken-kind"].message
    assert by_name["no-urls"].line == 10 and "start_urls" in by_name["no-urls"].message
    assert "enabeld" in by_name["typo"].message and "enabled" in by_name["typo"].message
    assert "line 8" in str(by_name["broken-kind"]) and by_name["broken-kind"].field == "kind"


def test_not_yaml_is_a_named_error(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("sources: [\n  - : :")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_sources(path)


def test_missing_list_is_a_named_error():
    with pytest.raises(ConfigError, match="sources:"):
        parse_sources(textwrap.dedent("outlets: []"))


def test_shipped_sources_file_loads_cleanly():
    from pathlib import Path

    good, problems = load_sources(Path(__file__).parent.parent / "sources.yaml")
    assert problems == [] and len(good) >= 20
