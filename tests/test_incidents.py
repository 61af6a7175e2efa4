"""Incidents: filters, edits with version checks, developments, exports."""

from __future__ import annotations

import pytest

from presswatch.demo_data.archive import build_demo
from storage import incidents, triage
from storage.errors import ConflictError, ReviewError
from storage.incidents import IncidentFilter


@pytest.fixture
def accepted(db):
    keys = build_demo(db)
    ids = {
        k: triage.accept(db, keys[k], reviewer="alma", version=1)
        for k in ("fine-esimov", "ddos-qala", "lawsuit-zhumabekova")
    }
    return ids


def test_filters(db, accepted):
    assert {r["id"] for r in incidents.list_incidents(db, IncidentFilter(category="legal"))} >= {
        accepted["fine-esimov"],
        accepted["lawsuit-zhumabekova"],
    }
    assert [r["id"] for r in incidents.list_incidents(db, IncidentFilter(lang="en"))] == [
        accepted["ddos-qala"]
    ]
    assert [r["id"] for r in incidents.search(db, "Есимов")] == [accepted["fine-esimov"]]
    assert [r["id"] for r in incidents.search(db, str(accepted["ddos-qala"]))] == [
        accepted["ddos-qala"]
    ]


def test_edit_checks_version_and_logs_before_after(db, accepted):
    iid = accepted["ddos-qala"]
    assert incidents.edit(db, iid, reviewer="ed", version=1, changes={"place": "Темиртау"}) == 2
    with pytest.raises(ConflictError) as err:
        incidents.edit(db, iid, reviewer="other", version=1, changes={"place": "Караганда"})
    assert err.value.current["place"] == "Темиртау"
    entry = incidents.get_incident(db, iid)["history"][-1]
    assert (entry["action"], entry["before"]["place"], entry["after"]["place"]) == (
        "edit",
        "Karaganda",
        "Темиртау",
    )


def test_development_sets_status_and_timeline(db, accepted):
    iid = accepted["lawsuit-zhumabekova"]
    incidents.add_development(
        db, iid, reviewer="alma", status="decision", date="2026-12-01", note="claim dismissed"
    )
    incidents.add_development(db, iid, reviewer="alma", status="closed", date="2026-12-20")
    inc = incidents.get_incident(db, iid)
    assert [d["status"] for d in inc["developments"]] == ["decision", "closed"]
    assert (inc["status"], inc["ongoing"]) == ("closed", 0)
    with pytest.raises(ReviewError):
        incidents.add_development(db, iid, reviewer="alma", status="exploded", date="2026-12-21")


def test_export_rows_are_flat(db, accepted):
    rows = list(incidents.export_rows(db, IncidentFilter(category="legal.administrative")))
    assert len(rows) == 1
    assert rows[0]["legal_refs"].startswith("[{")
    assert rows[0]["sources"].count("https://") == 2
