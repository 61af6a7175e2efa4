"""``--set NAME=VALUE``: the same strict typing as sources.yaml, in the CLI, in ``crawl_sources``
and in the crawl child (``python -m crawlers.run``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crawlers.run import crawl_sources
from crawlers.setting_schema import check_settings, parse_overrides
from storage.errors import ConfigError


def test_values_are_json_or_plain_strings():
    got = parse_overrides(
        ["DOWNLOAD_DELAY=0.5", "LOG_LEVEL=DEBUG", "RETRY_HTTP_CODES=[500, 503]", "RETRY_TIMES=0"]
    )
    assert got == {
        "DOWNLOAD_DELAY": 0.5,
        "LOG_LEVEL": "DEBUG",
        "RETRY_HTTP_CODES": [500, 503],
        "RETRY_TIMES": 0,
    }
    assert parse_overrides(["EXTRACT_WORKERS=auto"]) == {"EXTRACT_WORKERS": "auto"}
    assert parse_overrides(["EXTRACT_WORKERS=2"]) == {"EXTRACT_WORKERS": 2}


@pytest.mark.parametrize(
    "pair, message",
    [
        ('DOWNLOAD_DELAY="0.5"', "--set DOWNLOAD_DELAY: must be a number"),  # a quoted number
        ("AUTOTHROTTLE_ENABLED=yes", "--set AUTOTHROTTLE_ENABLED: must be true or false"),
        ("CONCURRENT_SOURCES=0", "--set CONCURRENT_SOURCES: Input should be greater than"),
        ("EXTRACT_WORKERS=many", "--set EXTRACT_WORKERS: must be auto or a whole number"),
        ("RETRY_HTTP_CODES=500", "--set RETRY_HTTP_CODES:"),
        ("PRESSWATCH_DB=/tmp/other.db", "--set PRESSWATCH_DB: unknown setting"),
        ("ZZZ=1", "--set ZZZ: unknown setting; known: USER_AGENT,"),
    ],
)
def test_bad_overrides_are_config_errors_naming_the_setting(pair, message):
    with pytest.raises(ConfigError) as err:
        parse_overrides([pair])
    assert str(err.value).startswith(message), str(err.value)


def test_crawl_sources_refuses_bad_settings_before_starting_a_crawl(tmp_path):
    with pytest.raises(ConfigError, match="--set DOWNLOAD_TIMEOUT: must be a number"):
        crawl_sources(tmp_path / "a.db", tmp_path / "none.yaml", settings={"DOWNLOAD_TIMEOUT": "x"})
    assert check_settings({"DOWNLOAD_TIMEOUT": 5}) == {"DOWNLOAD_TIMEOUT": 5}


def test_the_crawl_child_refuses_them_in_one_line(tmp_path):
    sources = tmp_path / "s.yaml"
    sources.write_text("sources: []\n")
    cmd = [sys.executable, "-m", "crawlers.run", "--db", str(tmp_path / "a.db")]
    cmd += ["--sources", str(sources), "--set", "ROBOTSTXT_OBEY=no"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: --set ROBOTSTXT_OBEY: must be true or false, unquoted (got 'no')"
    )
