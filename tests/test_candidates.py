"""The review queue: order, filters, counts, claims, one candidate with its evidence."""

from __future__ import annotations

import pytest

from presswatch.demo_data.archive import build_demo
from storage import candidates, triage
from storage.candidates import QueueFilter


@pytest.fixture
def demo(db):
    return build_demo(db)


def test_queue_orders_by_confidence_then_date(db, demo):
    rows = candidates.queue(db)
    conf = [r["confidence"] for r in rows]
    assert conf == sorted(conf, reverse=True)
    assert rows[0]["id"] == demo["attack-satpayeva"]
    assert all(r["status"] == "pending" for r in rows)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (QueueFilter(category="legal"), {"fine-esimov", "lawsuit-zhumabekova", "court-kasymov"}),
        (QueueFilter(category="legal.civil"), {"lawsuit-zhumabekova"}),
        (QueueFilter(outlet="Qala Times"), {"ddos-qala", "summons-ospanov"}),
        (
            QueueFilter(lang="kk"),
            {"lawsuit-zhumabekova", "refusal-olke", "obstruction-kk", "fine-esimov"},
        ),
        (QueueFilter(since="2026-11-14", until="2026-11-15"), {"court-kasymov", "obstruction-kk"}),
        (QueueFilter(status="accepted"), {"arrest-kasymov"}),
    ],
)
def test_queue_filters(db, demo, filters, expected):
    ids = {r["id"] for r in candidates.queue(db, filters)}
    assert ids == {demo[k] for k in expected}


def test_counts_per_status(db, demo):
    triage.reject(db, demo["insult-en"], reviewer="alma", version=1, reason="opinion")
    counts = candidates.counts(db)
    assert counts["pending"] == 11 and counts["rejected"] == 1 and counts["accepted"] == 1
    assert candidates.counts(db, QueueFilter(category="rights.insult")) == {
        **dict.fromkeys(candidates.STATUSES, 0),
        "rejected": 1,
    }


def test_get_has_articles_spans_and_evidence(db, demo):
    cand = candidates.get(db, demo["fine-esimov"])
    assert [a["lang"] for a in cand["articles"]] == ["ru", "kk"]
    first = cand["articles"][0]
    assert first["mentions"][0]["norm"] == "Нурлан Есимов"
    assert first["legal_refs"][0]["article"] == "456-2"
    assert first["amounts"][0]["unit"] == "MCI"
    ev = cand["evidence"][0]
    assert first["text"][ev["start"] : ev["end"]] == ev["sentence"]


def test_claims_tell_others_and_next_skips_them(db, demo):
    top = demo["attack-satpayeva"]
    assert candidates.claim(db, top, "alma") is None
    assert candidates.claim(db, top, "bota") == "alma"
    assert candidates.next_pending(db, "bota") != top
    assert candidates.next_pending(db, "alma") == top
    candidates.release(db, top, "alma")
    assert candidates.next_pending(db, "bota") == top
    assert candidates.current(db, top)["version"] == 1  # a claim is not a change
