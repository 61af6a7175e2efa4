"""Quality floors of detection on the labelled data (docs/BENCHMARKS.md, detection).

The rules were written with the labelled paragraphs in view, so the floors are also checked on the
demo newsroom (long articles, a different corpus). The text classifier is only judged held-out:
cross-validation by story, rules alone vs rules+textcat.
"""

from __future__ import annotations

import pytest

from nlp.detect import detection_quality as q
from nlp.detect.rules import find

FLOORS = q.FLOORS


@pytest.fixture(scope="module")
def labelled():
    items = q.paragraphs() + q.newsroom()
    return items, q.tagged_facts(items)


def _score(items, facts, source):
    pairs = [
        (set(find(f)[1]), i["gold"])
        for i, f in zip(items, facts, strict=True)
        if i["source"] == source
    ]
    return q.scores([p for p, _ in pairs], [g for _, g in pairs])


def test_labelled_set_size():
    items = q.paragraphs()
    assert len(items) >= 300
    assert sum(1 for i in items if not i["gold"]) >= 100  # hard negatives


def test_paragraph_floors(labelled):
    s = _score(*labelled, "paragraphs")
    assert s["any_recall"] >= FLOORS["any_recall"], s
    assert s["any_precision"] >= FLOORS["any_precision"], s
    assert s["micro_f1"] >= FLOORS["micro_f1"], s


def test_newsroom_any_incident_floors(labelled):
    s = _score(*labelled, "newsroom")
    assert s["any_recall"] >= FLOORS["any_recall"], s
    assert s["any_precision"] >= FLOORS["any_precision"], s


def test_textcat_helps_on_held_out_folds():
    items = q.paragraphs() + q.newsroom()
    cv = q.cross_validate(items, [q.quick_facts(i) for i in items], k=2, epochs=8)
    rules, mixed = cv["rules"], cv["rules+textcat"]
    assert mixed["micro_f1"] > rules["micro_f1"]
    assert mixed["any_recall"] >= rules["any_recall"]
    assert mixed["micro_f1"] >= FLOORS["micro_f1"]
