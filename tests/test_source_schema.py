"""The strict schema of sources.yaml: quoted booleans, wrong types and broken URLs are errors
that name the file, line, source and field, in `sources check` and in the crawl alike."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from crawlers.registry import parse_sources
from presswatch.cli import cli

OK = '  - {name: fine, kind: feed, start_urls: ["http://fine.example/rss"]}\n'

BAD = {  # entry (YAML lines) -> (field, words the message must carry)
    'name: guard-off\n    kind: feed\n    start_urls: ["http://a.example/"]\n    local: "no"': (
        "local",
        "true or false",
    ),
    'name: still-on\n    kind: feed\n    start_urls: ["http://a.example/"]\n    enabled: "false"': (
        "enabled",
        "true or false",
    ),
    'name: slow\n    kind: feed\n    start_urls: ["http://a.example/"]\n    download_delay: "slow"': (
        "download_delay",
        "number",
    ),
    'name: 123\n    kind: feed\n    start_urls: ["http://a.example/"]': ("name", "string"),
    'name: bad-url\n    kind: feed\n    start_urls: ["htp:/x"]': ("start_urls[0]", "http(s) URL"),
    'name: no-host\n    kind: feed\n    start_urls: ["https:///path"]': ("start_urls[0]", "host"),
    'name: one-url\n    kind: feed\n    start_urls: "http://a.example/"': ("start_urls", "list"),
    'name: pages\n    kind: listing\n    start_urls: ["http://a.example/"]\n'
    '    listing: {links: "a", max_pages: "3"}': ("listing.max_pages", "number"),
    'name: nested-typo\n    kind: listing\n    start_urls: ["http://a.example/"]\n'
    "    listing: {link: a}": ("listing.link", "links"),
    'name: rhythm\n    kind: feed\n    start_urls: ["http://a.example/"]\n    rhythm_hours: -4': (
        "rhythm_hours",
        "greater than 0",
    ),
    'name: domains\n    kind: feed\n    start_urls: ["http://a.example/"]\n'
    '    allowed_domains: ["https://a.example/"]': ("allowed_domains[0]", "domain"),
}


def sources_file(entry: str) -> str:
    return "sources:\n" + OK + "  - " + entry + "\n"


@pytest.mark.parametrize("entry", BAD)
def test_bad_field_is_named_with_its_line(entry):
    field, words = BAD[entry]
    good, problems = parse_sources(sources_file(entry), "my-sources.yaml")
    assert [s["name"] for s in good] == ["fine"]  # the others still load
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.field == field and words in problem.message, problem
    line = 3 + next(
        i
        for i, ln in enumerate(entry.splitlines())
        if ln.strip().startswith(field.split(".")[0].split("[")[0])
    )
    assert problem.line == line
    assert str(problem).startswith(f"my-sources.yaml, line {line}: source ")
    assert f"field {field}:" in str(problem)


def test_unquoted_yaml_booleans_and_numbers_are_fine():
    entry = 'name: plain\n    kind: feed\n    start_urls: ["http://a.example/"]\n    local: no\n    enabled: false\n    download_delay: 2\n    rhythm_hours: 1.5'
    good, problems = parse_sources(sources_file(entry))
    assert problems == []
    assert (
        good[1]["local"] is False and good[1]["enabled"] is False and good[1]["download_delay"] == 2
    )


def test_every_problem_of_an_entry_is_reported():
    entry = 'name: many\n    kind: fax\n    start_urls: ["htp:/x"]\n    local: "yes"'
    _, problems = parse_sources(sources_file(entry))
    assert sorted(p.field for p in problems) == ["kind", "local", "start_urls[0]"]


def test_check_exits_non_zero_and_names_file_line_source_field(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(sources_file(next(iter(BAD))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["sources", "check", str(path)])
    assert result.exit_code == 1
    assert (
        f"{path}, line 6: source 'guard-off', field local: must be true or false" in result.output
    )
    assert "Traceback" not in result.output


def test_the_crawl_validates_with_the_same_schema(db_path, tmp_path):
    """A quoted boolean must not turn the address guard off in the crawl: ``presswatch crawl``
    (and its crawl process, which loads the file with the same function) leaves the entry out
    with the same message, and refuses to crawl it by name."""
    path = tmp_path / "sources.yaml"
    path.write_text(sources_file(next(iter(BAD))), encoding="utf-8")
    args = ["--db", str(db_path), "crawl", "--sources", str(path), "--source", "guard-off"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "source 'guard-off', field local: must be true or false" in result.output
    assert "unknown source(s): guard-off" in result.output
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawlers.run",
            "--db",
            str(db_path),
            "--sources",
            str(path),
            "--source",
            "guard-off",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "unknown source(s): guard-off" in proc.stderr
