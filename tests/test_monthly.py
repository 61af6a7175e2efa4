"""The monthly run the Prefect deployment calls."""

from __future__ import annotations

from fixtures_reports import build

from flows.report import monthly_report
from reports import monthly
from storage.archive import connect
from storage.frozen_reports import latest_report


def test_produce_writes_every_language_and_format(tmp_path, monkeypatch):
    db = tmp_path / "archive.db"
    build(db)
    monkeypatch.setattr(monthly, "formats_available", lambda: ("md", "html"))
    files = monthly.produce("2026-11", db, tmp_path / "out", freeze=True)
    names = {f.name for f in files}
    assert {"report-2026-11.en.md", "report-2026-11.ru.html", "blocks.png", "legal.svg"} <= names
    assert latest_report(connect(db), "2026-11", "ru")["figures"]["month.total"]["value"] == 13


def test_flow_function_calls_the_plain_function(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(
        "flows.report.produce", lambda *a, **k: seen.setdefault("args", (a, k)) and []
    )
    monkeypatch.setattr(
        "flows.report.get_run_logger", lambda: type("L", (), {"info": lambda *a: None})()
    )
    assert monthly_report.fn("2026-11", "x.db") == []
    assert seen["args"] == (("2026-11", "x.db", None), {"freeze": False})
