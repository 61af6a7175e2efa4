"""Peak memory as the crawl reports it: per process, not inherited from the parent."""

from __future__ import annotations

import json
import subprocess
import sys

from crawlers.usage import peak_rss_kb, process_usage


def test_peak_rss_of_this_process_and_of_a_missing_one():
    assert peak_rss_kb() is not None and peak_rss_kb() > 1_000
    assert peak_rss_kb(2**22 + 12345) is None  # above Linux's pid_max default


def test_a_child_does_not_inherit_its_parents_peak():
    ballast = bytearray(300 * 1024 * 1024)  # the parent's peak goes above 300 MiB
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page
    code = "import json; from crawlers.usage import process_usage; print(json.dumps(process_usage(None)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    child = json.loads(out.stdout)
    assert child["max_rss_kb"] < 200 * 1024
    assert process_usage(None)["max_rss_kb"] > 300 * 1024
    del ballast
