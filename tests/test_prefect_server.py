"""A real Prefect server, work pool, `prefect deploy` from prefect.yaml and a process worker."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from presswatch.newsroom.server import start
from presswatch.newsroom.sources import write_sources
from storage.archive import connect

pytestmark = [pytest.mark.slow, pytest.mark.server]
REPO = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))


def api(base: str, path: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        base + path,
        data=data,
        method="POST" if body is not None else "GET",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def prefect(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [PREFECT, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def test_deploy_schedule_worker_and_nightly_run(tmp_path, prefect_api):
    base = prefect_api["PREFECT_API_URL"]
    env = {**os.environ, **prefect_api}
    procs: list[subprocess.Popen] = []
    try:
        prefect(env, "work-pool", "create", "presswatch", "--type", "process")
        prefect(env, "--no-prompt", "deploy", "--all")
        deployment = api(base, "/deployments/name/nightly/nightly")
        schedules = [s["schedule"] for s in deployment["schedules"]]
        assert {"cron": "0 2 * * *", "timezone": "Asia/Almaty"}.items() <= schedules[0].items()
        assert api(base, "/deployments/name/monthly-report/monthly-report")["schedules"]
        procs.append(
            subprocess.Popen(
                [PREFECT, "worker", "start", "--pool", "presswatch"],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        with start() as room:
            sources = tmp_path / "sources.yaml"
            write_sources(sources, room.base_url, include_faults=False)
            db_path = tmp_path / "archive.db"
            out = prefect(
                env,
                "deployment",
                "run",
                "nightly/nightly",
                "--param",
                f"sources_file={sources}",
                "--param",
                f"db_path={db_path}",
            )
            run_id = re.search(r"UUID: ([0-9a-f-]{36})", out.stdout).group(1)
            state = wait_final(base, run_id)
        assert state == "COMPLETED", state
        db = connect(db_path)
        assert db["candidates"].count > 0 and db["articles"].count >= 150
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_final(base: str, run_id: str, seconds: float = 900) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        state = api(base, f"/flow_runs/{run_id}")["state"]["type"]
        if state in {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}:
            return state
        time.sleep(2)
    raise AssertionError(f"flow run {run_id} did not finish")
