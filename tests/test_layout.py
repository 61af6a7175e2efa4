"""The package layout: ``review/`` holds only the reviewers' app; demo data lives beside the newsroom."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_review_holds_no_demo_data():
    names = sorted(p.name for p in (REPO / "review").glob("*.py"))
    assert not [n for n in names if "fixture" in n or "demo" in n or "bulk" in n], names


def test_demo_data_builds_the_review_archive(tmp_path):
    from presswatch.demo_data.archive import build_demo_archive
    from storage import candidates
    from storage.archive import connect

    path = tmp_path / "demo.db"
    build_demo_archive(path)
    db = connect(path)
    assert candidates.counts(db)["pending"] > 0
