"""Decisions on candidates: state changes, audit log, optimistic concurrency, undo."""

from __future__ import annotations

import pytest

from presswatch.demo_data.archive import build_demo
from storage import candidates, incidents, triage
from storage.decisions import history, last_undoable
from storage.errors import ConflictError, ReviewError


@pytest.fixture
def demo(db):
    return build_demo(db)


def test_accept_with_edits_creates_incident_and_logs(db, demo):
    cid = demo["fine-esimov"]
    incident_id = triage.accept(db, cid, reviewer="alma", version=1, edits={"place": "Астана-2"})
    inc = incidents.get_incident(db, incident_id)
    assert inc["place"] == "Астана-2"
    assert inc["category"] == "legal.administrative"
    assert inc["legal_refs"] == [{"code": "CAO", "article": "456-2", "part": "3"}]
    assert len(inc["articles"]) == 2
    row = candidates.current(db, cid)
    assert (row["status"], row["version"], row["incident_id"]) == ("accepted", 2, incident_id)
    log = history(db, "candidate", cid)
    assert [d["action"] for d in log] == ["accept"]
    assert log[0]["reviewer"] == "alma"
    assert log[0]["after"]["edits"] == {"place": "Астана-2"}
    assert [d["action"] for d in inc["history"]] == ["create"]


def test_stale_version_raises_conflict_with_current_row(db, demo):
    cid = demo["ddos-qala"]
    triage.reject(db, cid, reviewer="alma", version=1, reason="not about the press")
    with pytest.raises(ConflictError) as err:
        triage.accept(db, cid, reviewer="bota", version=1)
    assert err.value.current["status"] == "rejected"
    assert err.value.current["last_decision"]["reviewer"] == "alma"
    assert "alma" in str(err.value)
    assert incidents.list_incidents(db, incidents.IncidentFilter(q="DDoS")) == []


def test_conflict_rolls_back_everything(db, demo):
    before = len(incidents.list_incidents(db))
    with pytest.raises(ConflictError):
        triage.accept(db, demo["threat-dala"], reviewer="alma", version=7)
    assert len(incidents.list_incidents(db)) == before
    assert history(db, "candidate", demo["threat-dala"]) == []


def test_reject_needs_reason(db, demo):
    with pytest.raises(ReviewError):
        triage.reject(db, demo["threat-dala"], reviewer="alma", version=1, reason="  ")


def test_decided_candidate_cannot_be_decided_again(db, demo):
    cid = demo["threat-dala"]
    triage.second_source(db, cid, reviewer="alma", version=1)
    triage.reject(db, cid, reviewer="alma", version=2, reason="rumour")  # open -> decided
    with pytest.raises(ReviewError, match="already rejected"):
        triage.skip(db, cid, reviewer="alma", version=3)


def test_merge_adds_sources_and_development(db, demo):
    target = demo["court-kasymov"]
    prior = candidates.current(db, target)["proposed_incident_id"]
    triage.merge(
        db,
        target,
        reviewer="alma",
        version=1,
        incident_id=prior,
        development={"status": "court", "date": "2026-11-14", "note": "sent to court"},
    )
    inc = incidents.get_incident(db, prior)
    assert inc["status"] == "court"
    assert [d["status"] for d in inc["developments"]] == ["court"]
    assert len(inc["articles"]) == 2
    assert candidates.current(db, target)["status"] == "merged"


def test_undo_accept_removes_incident(db, demo):
    cid = demo["attack-satpayeva"]
    incident_id = triage.accept(db, cid, reviewer="alma", version=1)
    done = triage.undo(db, "alma")
    assert done == {"candidate_id": cid, "undone": "accept", "status": "pending"}
    assert incidents.current(db, incident_id) is None
    row = candidates.current(db, cid)
    assert (row["status"], row["version"], row["incident_id"]) == ("pending", 3, None)
    assert last_undoable(db, "alma") is None
    assert triage.undo(db, "alma") is None


def test_undo_merge_restores_incident(db, demo):
    cid = demo["court-kasymov"]
    prior = candidates.current(db, cid)["proposed_incident_id"]
    triage.merge(
        db,
        cid,
        reviewer="alma",
        version=1,
        incident_id=prior,
        development={"status": "court", "date": "2026-11-14"},
    )
    triage.undo(db, "alma")
    inc = incidents.get_incident(db, prior)
    assert inc["status"] == "investigation"
    assert inc["developments"] == []
    assert len(inc["articles"]) == 1


def test_undo_is_per_reviewer_and_refuses_after_others_change(db, demo):
    a, b = demo["attack-satpayeva"], demo["insult-en"]
    incident_id = triage.accept(db, a, reviewer="alma", version=1)
    triage.skip(db, b, reviewer="bota", version=1)
    incidents.edit(db, incident_id, reviewer="bota", version=1, changes={"place": "Алматы (центр)"})
    with pytest.raises(ConflictError):
        triage.undo(db, "alma")
    assert incidents.current(db, incident_id)["place"] == "Алматы (центр)"
    assert triage.undo(db, "bota")["candidate_id"] == b


def test_decisions_log_is_append_only(db, demo):
    triage.skip(db, demo["insult-en"], reviewer="alma", version=1)
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE decisions SET reviewer = 'mallory'")
    with pytest.raises(Exception, match="append-only"):
        db.execute("DELETE FROM decisions")
