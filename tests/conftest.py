"""Shared fixtures: a fresh, migrated archive per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.archive import connect
from storage.migrations import migrate

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    db = connect(path)
    migrate(db)
    db.close()
    return path


@pytest.fixture
def db(db_path: Path):
    database = connect(db_path)
    yield database
    database.close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory):
    """One real ``prefect server start`` on loopback for the whole test session.

    Yields the environment (``PREFECT_HOME``, ``PREFECT_API_URL``) that points clients at it.
    """
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    base = f"http://127.0.0.1:{port}/api"
    env = {
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": base,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    prefect = str(Path(sys.executable).with_name("prefect"))
    log = open(home / "server.log", "w")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 300
    while True:
        assert proc.poll() is None, (home / "server.log").read_text()[-3000:]
        try:
            urllib.request.urlopen(base + "/health", timeout=5).read()
            break
        except OSError:
            if time.time() > deadline:
                raise AssertionError("prefect server did not start in 300 s") from None
            time.sleep(1)
    yield env
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def prefect_client_env(prefect_api, monkeypatch):
    """Point this process's Prefect client at the session server."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    for key, value in prefect_api.items():
        monkeypatch.setenv(key, value)
    with temporary_settings(updates={PREFECT_API_URL: prefect_api["PREFECT_API_URL"]}):
        yield prefect_api


@pytest.fixture
def rules_only(monkeypatch):
    """Detection by the rules alone: for tests that pin the rule engine's exact output on
    fictional texts (the learned detector is judged on real text, tests/test_detector_quality.py)."""
    monkeypatch.setenv("PRESSWATCH_DETECTOR", "rules")
