"""Test helpers: a demo archive with accounts and a real ``presswatch review`` process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from presswatch.demo_data.archive import build_demo_archive
from storage.accounts import open_accounts
from storage.reviewers import add_reviewer

REPO = Path(__file__).resolve().parent.parent
ACCOUNTS = {"alma": "reviewer", "bota": "reviewer", "erzhan": "editor"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright; the test is skipped where it is not installed."""
    import pytest

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def password(name: str) -> str:
    return f"{name}-password"


def demo_archive(path: Path) -> dict[str, int]:
    keys = build_demo_archive(path)
    db = open_accounts(path)
    for name, role in ACCOUNTS.items():
        add_reviewer(db, name, password(name), role)
    db.close()
    return keys


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def review_server(db_path: Path) -> Iterator[str]:
    """Run ``presswatch review`` on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PRESSWATCH_DB": str(db_path), "PRESSWATCH_REVIEW_SECRET": "test-secret"}
    command = [str(Path(sys.executable).parent / "presswatch"), "review", "--port", str(port)]
    proc = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _wait(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"review server exited: {proc.stdout.read().decode() if proc.stdout else ''}"
            )
        try:
            urllib.request.urlopen(f"{base}/login", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("review server did not start")


def login(page, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password(name))
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
