"""Publishing freezes a report with the ids behind each number; diff shows what changed since."""

from __future__ import annotations

import pytest
from fixtures_reports import _insert, build

from reports.frozen import describe, diff, publish
from storage.archive import connect, write
from storage.errors import PresswatchError
from storage.frozen_reports import latest_report


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.db"
    ids = build(path)
    return connect(path), ids


def test_publish_stores_figures_with_ids_and_is_idempotent(archive):
    db, ids = archive
    first, created = publish(db, "2026-11")
    again, created_again = publish(db, "2026-11")
    assert created and not created_again and first == again
    stored = latest_report(db, "2026-11", "en")
    assert stored["figures"]["month.total"]["value"] == 13
    assert stored["figures"]["ytd.legal.civil.honour"]["ids"] == sorted(
        ids[k] for k in ("c2", "c9", "c16", "n8", "n9")
    )
    assert stored["body"].startswith("# Press freedom monitoring: November 2026")


def test_diff_reports_changed_figures_and_added_incidents(archive):
    db, ids = archive
    publish(db, "2026-11")
    assert diff(db, "2026-11").changes == []
    late = (
        "late",
        "access.cyberattack",
        "Late report of a DDoS",
        ["2026-11-29"],
        "2026-11-28",
        "reported",
        [],
        [],
        [],
    )
    with write(db):
        new_id = _insert(db, 1, late)
    result = diff(db, "2026-11")
    changed = {c.key: (c.published, c.today, c.added) for c in result.changes}
    assert changed["month.total"] == (13, 14, [new_id])
    assert changed["digital.2026-11"] == (3, 4, [new_id])
    assert changed["month.category.access.cyberattack"] == (2, 3, [new_id])
    assert "ytd.legal.civil" not in changed
    assert result.added == [new_id] and result.removed == []
    assert "month.total: 13 -> 14 +" in describe(result)


def test_diff_without_publication_is_a_named_error(archive):
    db, _ = archive
    with pytest.raises(PresswatchError, match="no published report for 2026-10"):
        diff(db, "2026-10")


def test_diff_reports_removed_incidents(archive):
    db, ids = archive
    publish(db, "2026-11")
    with write(db):
        db["incidents"].delete(ids["n13"])  # e.g. an acceptance undone
    result = diff(db, "2026-11")
    changed = {c.key: (c.published, c.today, c.removed) for c in result.changes}
    assert changed["month.rights"] == (5, 4, [ids["n13"]])
    assert result.removed == [ids["n13"]] and result.added == []
