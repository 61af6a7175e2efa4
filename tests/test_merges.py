"""Incident merges: preview, merge (sources and developments kept, one audit entry), undo, and the
report, exports and archive queries counting one incident."""

from __future__ import annotations

import re

import pytest
from fixtures_reports import build

from reports.figures import compute
from review.app import create_app
from storage import incidents, merges
from storage.archive import connect
from storage.canned import CANNED
from storage.decisions import history
from storage.errors import ConflictError, ReviewError
from storage.incidents import IncidentFilter
from storage.reviewers import add_reviewer
from storage.selections import select_incidents

STABLE = ("version", "updated_at")


@pytest.fixture
def archive(tmp_path):
    """n8 (an honour claim, November) is the same case as c16 (September)."""
    path = tmp_path / "archive.db"
    ids = build(path)
    return connect(path), ids, path


def snapshot(db, incident_id: int) -> dict:
    row = incidents.get_incident(db, incident_id)
    row.pop("history")
    return {k: v for k, v in row.items() if k not in STABLE}


def all_figure_ids(figures) -> set[int]:
    return {i for fig in figures.flat().values() for i in fig.ids}


def test_preview_shows_the_result_and_writes_nothing(archive):
    db, ids, _ = archive
    before = snapshot(db, ids["c16"])
    plan = merges.preview(db, ids["n8"], ids["c16"])
    assert {a["id"] for a in plan["articles"]} == {
        a["id"] for i in ("n8", "c16") for a in incidents.get_incident(db, ids[i])["articles"]
    }
    assert "Preliminary hearing set" in [d["note"] for d in plan["developments"]]
    assert {v["name"] for v in plan["result"]["victims"]} >= {
        v["name"] for v in incidents.current(db, ids["n8"])["victims"]
    }
    assert snapshot(db, ids["c16"]) == before


def test_merge_keeps_sources_and_developments_and_logs_one_entry(archive):
    db, ids, _ = archive
    source_articles = {a["id"] for a in incidents.get_incident(db, ids["n8"])["articles"]}
    merges.merge(db, ids["n8"], ids["c16"], reviewer="erzhan")
    target = incidents.get_incident(db, ids["c16"])
    assert source_articles <= {a["id"] for a in target["articles"]}
    assert "Preliminary hearing set" in [d["note"] for d in target["developments"]]
    source = incidents.get_incident(db, ids["n8"])
    assert source["merged_into"] == ids["c16"]
    assert {a["id"] for a in source["articles"]} == source_articles  # its own sources stay
    entries = [h for h in history(db, "incident", ids["n8"]) if h["action"] == "merge"]
    assert len(entries) == 1 and entries[0]["reviewer"] == "erzhan"
    assert entries[0]["after"]["merged_into"] == ids["c16"]
    assert merges.merged_from(db, ids["c16"]) == [
        {"id": ids["n8"], "title": incidents.current(db, ids["n8"])["title"]}
    ]


def test_the_report_exports_and_queries_count_one(archive):
    db, ids, _ = archive
    before = compute(db, "2026-11")
    exported = select_incidents(db, IncidentFilter())[1]
    merges.merge(db, ids["n8"], ids["c16"], reviewer="erzhan")
    after = compute(db, "2026-11")
    assert after.month_blocks["total"].value == before.month_blocks["total"].value - 1
    assert ids["n8"] not in all_figure_ids(after)
    assert ids["n8"] not in {e["id"] for e in after.entries}
    # the moved hearing is news of a September case now: listed as ongoing, never counted
    assert ("Preliminary hearing set", ids["c16"]) in {
        (d["note"], d["incident_id"]) for d in after.ongoing
    }
    rows, total = select_incidents(db, IncidentFilter())
    assert total == exported - 1 and ids["n8"] not in {r["id"] for r in rows}
    counted = db.execute(CANNED["incidents_by_month_and_category"]["sql"]).fetchall()
    assert sum(r[2] for r in counted) == exported - 1
    assert ids["n8"] not in {r["id"] for r in incidents.list_incidents(db, limit=None)}


def test_undo_puts_everything_back(archive):
    db, ids, _ = archive
    target, source = snapshot(db, ids["c16"]), snapshot(db, ids["n8"])
    figures = compute(db, "2026-11").flat()
    merges.merge(db, ids["n8"], ids["c16"], reviewer="erzhan")
    merges.undo(db, ids["n8"], reviewer="erzhan")
    assert snapshot(db, ids["c16"]) == target and snapshot(db, ids["n8"]) == source
    assert compute(db, "2026-11").flat() == figures
    assert [h["action"] for h in history(db, "incident", ids["n8"])][-2:] == ["merge", "unmerge"]
    with pytest.raises(ReviewError, match="no merge to undo"):
        merges.undo(db, ids["n8"], reviewer="erzhan")


def test_undo_is_refused_when_the_target_changed_since(archive):
    db, ids, _ = archive
    merges.merge(db, ids["n8"], ids["c16"], reviewer="erzhan")
    version = incidents.current(db, ids["c16"])["version"]
    incidents.edit(db, ids["c16"], reviewer="alma", version=version, changes={"place": "Almaty"})
    with pytest.raises(ConflictError):
        merges.undo(db, ids["n8"], reviewer="erzhan")
    assert incidents.current(db, ids["n8"])["merged_into"] == ids["c16"]


def test_impossible_merges_are_named_errors(archive):
    db, ids, _ = archive
    with pytest.raises(ReviewError, match="itself"):
        merges.merge(db, ids["n8"], ids["n8"], reviewer="erzhan")
    with pytest.raises(ReviewError, match="no incident 99999"):
        merges.preview(db, ids["n8"], 99999)
    merges.merge(db, ids["n8"], ids["c16"], reviewer="erzhan")
    with pytest.raises(ReviewError, match="already merged"):
        merges.merge(db, ids["n8"], ids["c3"], reviewer="erzhan")
    with pytest.raises(ConflictError):
        merges.merge(db, ids["c3"], ids["c16"], reviewer="erzhan", target_version=1)


def test_the_incident_page_previews_merges_and_undoes(archive):
    db, ids, path = archive
    add_reviewer(db, "erzhan", "erzhan-password", "editor")
    add_reviewer(db, "alma", "alma-password", "reviewer")
    app = create_app(path, "test-secret")

    def client_for(name: str):
        client = app.test_client()
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
        client.post(
            "/login",
            data={"name": name, "password": f"{name}-password", "csrf_token": csrf},
            headers={"Origin": "http://localhost"},
        )
        return client

    alma = client_for("alma")
    assert alma.get(f"/incidents/{ids['n8']}/merge?into={ids['c16']}").status_code == 403
    editor = client_for("erzhan")
    page = editor.get(f"/incidents/{ids['n8']}/merge?into={ids['c16']}").text
    assert "Preliminary hearing set" in page and 'id="btn-merge-confirm"' in page
    assert incidents.current(db, ids["n8"])["merged_into"] is None
    form = dict(re.findall(r'name="(\w+)" value="([^"]*)"', page.split('id="merge-confirm"')[1]))
    resp = editor.post(
        f"/incidents/{ids['n8']}/merge", data=form, headers={"Origin": "http://localhost"}
    )
    assert resp.status_code == 302 and resp.location.endswith(f"/incidents/{ids['c16']}")
    assert incidents.current(db, ids["n8"])["merged_into"] == ids["c16"]
    assert f"#{ids['n8']}" in editor.get(f"/incidents/{ids['c16']}").text
    page = editor.get(f"/incidents/{ids['n8']}").text
    assert 'id="merged-banner"' in page
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    editor.post(
        f"/incidents/{ids['n8']}/unmerge",
        data={"csrf_token": csrf},
        headers={"Origin": "http://localhost"},
    )
    assert incidents.current(db, ids["n8"])["merged_into"] is None
