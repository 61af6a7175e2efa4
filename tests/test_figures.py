"""Report figures on the fixture archive against counts worked out by hand from the fixture
(tests/fixtures_reports.py), for the report month November 2026."""

from __future__ import annotations

import pytest
from fixtures_reports import build

from reports.figures import compute
from storage.archive import connect


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("figures") / "archive.db"
    ids = build(path)
    return connect(path), ids


@pytest.fixture(scope="module")
def nov(archive):
    db, _ = archive
    return compute(db, "2026-11")


def keys(ids, *names):
    return tuple(sorted(ids[n] for n in names))


def test_month_counts_per_block(archive, nov):
    _, ids = archive
    # n1..n13: n12 counts in November by its first article (event in October), n13 by its event
    # date (no article); d1 happened in November but was first reported in December.
    assert nov.month_blocks["total"].value == 13
    assert nov.month_blocks["rights"].ids == keys(ids, "n1", "n2", "n3", "n7", "n13")
    assert nov.month_blocks["access"].ids == keys(ids, "n4", "n5", "n6", "n12")
    assert nov.month_blocks["legal"].ids == keys(ids, "n8", "n9", "n10", "n11")
    assert ids["d1"] not in nov.month_blocks["total"].ids


def test_month_categories_and_same_month_last_year(archive, nov):
    _, ids = archive
    assert nov.month_categories["access.cyberattack"].ids == keys(ids, "n4", "n5")
    assert nov.month_categories["legal.civil"].value == 2
    assert "rights.threat" not in nov.month_categories  # c18's November follow-up is not new
    assert {k: f.value for k, f in nov.prev_month_categories.items()} == {
        "rights.detention": 1,
        "access.cyberattack": 1,
        "legal.civil": 1,
    }


def test_month_legal_branches(archive, nov):
    _, ids = archive
    legal = {k: f.value for k, f in nov.month_legal.items()}
    assert legal == {
        "criminal": 0,
        "criminal.in_court": 0,
        "civil": 2,
        "civil.honour": 2,
        "administrative": 2,
        "administrative.defamation": 1,
        "administrative.false_info": 1,
    }
    assert nov.month_legal["administrative.false_info"].ids == keys(ids, "n10")


def test_year_to_date_per_block_and_branch(archive, nov):
    _, ids = archive
    assert nov.ytd_blocks["total"].value == 32  # c1..c19 and n1..n13
    assert {b: nov.ytd_blocks[b].value for b in ("rights", "access", "legal")} == {
        "rights": 10,
        "access": 9,
        "legal": 13,
    }
    ytd = {k: f.value for k, f in nov.ytd_legal.items()}
    assert ytd == {
        "criminal": 2,
        "criminal.in_court": 1,
        "civil": 6,
        "civil.honour": 5,
        "administrative": 5,
        "administrative.defamation": 3,
        "administrative.false_info": 2,
    }
    assert nov.ytd_legal["civil.honour"].ids == keys(ids, "c2", "c9", "c16", "n8", "n9")
    assert ids["c13"] in nov.ytd_legal["civil"].ids  # CIVIL 917: civil, not honour
    assert nov.ytd_legal["criminal.in_court"].ids == keys(ids, "c7")


def test_same_period_last_year_and_ratio(archive, nov):
    _, ids = archive
    assert nov.prev_blocks["total"].value == 10  # p1..p10; p11, p12 are December 2025
    assert nov.prev_blocks["access"].ids == keys(ids, "p1", "p4", "p7", "p9")
    assert nov.ratio(nov.ytd_blocks["total"], nov.prev_blocks["total"]) == 3.2


def test_tenge_claimed_and_recovered_in_honour_cases(archive, nov):
    _, ids = archive
    # 5,000,000 + 2,000,000 + 3,000,000 + 4,000,000 + 1,500,000 (c13's 1,000,000 is not honour)
    assert nov.amounts["claimed"].value == 15_500_000
    assert nov.amounts["recovered"].value == 500_000  # 300,000 (c9) + 200,000 (n9)
    assert nov.amounts["recovered"].ids == keys(ids, "c9", "n9")


def test_digital_security_by_month_and_year(archive, nov):
    _, ids = archive
    monthly = [nov.digital[f"2026-{m:02d}"].value for m in range(1, 12)]
    assert monthly == [1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 3]
    assert nov.digital["2026-11"].ids == keys(ids, "n4", "n5", "n7")
    assert nov.digital["ytd"].value == 8
    assert nov.digital["prev_ytd"].ids == keys(ids, "p1", "p5", "p7", "p9")
    assert nov.ratio(nov.digital["ytd"], nov.digital["prev_ytd"]) == 2.0


def test_ongoing_cases_are_listed_not_counted(archive, nov):
    _, ids = archive
    ongoing = {(d["incident_id"], d["date"]) for d in nov.ongoing}
    assert ongoing == {(ids["c16"], "2026-11-12"), (ids["c9"], "2026-11-20")}
    assert not {ids["c16"], ids["c9"]} & set(nov.month_blocks["total"].ids)
    # n8's development is in its own month: part of its entry, not an ongoing case
    entry = next(e for e in nov.entries if e["id"] == ids["n8"])
    assert [d["date"] for d in entry["developments"]] == ["2026-11-25"]


def test_every_entry_has_its_sources(archive, nov):
    _, ids = archive
    assert {e["id"] for e in nov.entries} == set(nov.month_blocks["total"].ids)
    by_id = {e["id"]: e for e in nov.entries}
    assert by_id[ids["n13"]]["sources"] == []
    assert [s["published_at"][:10] for s in by_id[ids["n12"]]["sources"]] == ["2026-11-02"]


def test_last_twelve_months_for_the_chart(nov):
    assert list(nov.blocks_by_month) == ["2025-12", *[f"2026-{m:02d}" for m in range(1, 12)]]
    assert nov.blocks_by_month["2025-12"]["total"].value == 2  # p11, p12
    assert nov.blocks_by_month["2026-10"]["total"].value == 2  # c18, c19


def test_december_counts_the_incident_first_reported_then(archive):
    db, ids = archive
    dec = compute(db, "2026-12")
    assert dec.month_blocks["total"].ids == (ids["d1"],)
    assert dec.ytd_blocks["total"].value == 33
