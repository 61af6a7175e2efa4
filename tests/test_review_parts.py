"""The review app's small parts: highlighting, form parsing, sanitizing, the login limiter."""

from __future__ import annotations

import pytest

from review import forms
from review.highlight import evidence_view, segments
from review.ratelimit import FailureLimiter
from review.sanitize import clean_html
from storage.errors import ReviewError

TEXT = "Суд оштрафовал Нурлана Есимова на 30 МРП. Решение обжалуют."
ARTICLE = {
    "id": 7,
    "text": TEXT,
    "mentions": [
        {
            "kind": "person",
            "text": "Нурлана Есимова",
            "norm": "Нурлан Есимов",
            "role": "editor",
            "start": 15,
            "end": 30,
        }
    ],
    "legal_refs": [],
    "amounts": [{"value": 30, "unit": "MCI", "kind": "fine", "start": 34, "end": 40}],
}
EVIDENCE = [{"article_id": 7, "sentence": TEXT[:41], "start": 0, "end": 41}]


def test_segments_cover_text_and_mark_spans():
    parts = segments(ARTICLE, EVIDENCE)
    assert "".join(p.text for p in parts) == TEXT
    person = next(p for p in parts if p.kind == "person")
    assert person.text == "Нурлана Есимова" and person.evidence and "editor" in person.note
    assert next(p for p in parts if p.kind == "amount").text == "30 МРП"
    assert not parts[-1].evidence and parts[-1].text == " Решение обжалуют."


def test_segments_ignore_spans_outside_the_text():
    broken = {**ARTICLE, "mentions": [{**ARTICLE["mentions"][0], "start": 50, "end": 500}]}
    assert "".join(p.text for p in segments(broken, [])) == TEXT


def test_evidence_view_takes_the_sentence_segments():
    article = {**ARTICLE, "outlet": "Степной вестник", "segments": segments(ARTICLE, EVIDENCE)}
    (item,) = evidence_view([article], EVIDENCE)
    assert item["n"] == 1 and "".join(s.text for s in item["segments"]) == TEXT[:41]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("victims", "Нурлан Есимов | editor\nСтепной вестник | outlet"),
        ("legal_refs", "CAO 456-2 3\nCC 158"),
        ("amounts", "30 MCI fine\n5000000 KZT claimed"),
        ("outlets", "Qala Times\nДала Хабар"),
    ],
)
def test_form_fields_round_trip(name, text):
    parsed = forms.facets({name: text})[name]
    assert forms.text_of(name, parsed) == text


def test_form_parsing_details():
    assert forms.victims("Дана | outlet")[0] == {"name": "Дана", "kind": "outlet", "role": None}
    assert forms.amounts("50 000 000 KZT claimed")[0]["kzt"] == 50_000_000
    with pytest.raises(ReviewError):
        forms.legal_refs("UK 158")
    with pytest.raises(ReviewError):
        forms.amounts("thirty MCI")


def test_changed_keeps_untouched_fields_out():
    row = {
        "place": "Астана",
        "amounts": [{"value": 30, "unit": "MCI", "kzt": 110760, "kind": "fine"}],
    }
    assert forms.changed({"place": "Астана", "amounts": "30 MCI fine"}, row) == {}
    assert forms.changed({"place": "Алматы", "amounts": "30 MCI fine"}, row) == {"place": "Алматы"}


def test_sanitizer_removes_active_content():
    html = clean_html(
        b"<p onclick='x()'>hi<script>alert(1)</script><img src=x onerror=alert(1)>"
        b"<a href='javascript:alert(2)'>a</a><iframe src='//e'></iframe>"
        b"<style>body{}</style><form><input></form></p>"
    )
    for bad in ("script", "onerror", "onclick", "javascript:", "iframe", "<style", "<form"):
        assert bad not in html
    assert "hi" in html
    assert clean_html(b"") == ""


def test_limiter_counts_failures_per_name_and_address():
    limiter = FailureLimiter(limit=2, window=60)
    limiter.fail("Alma", "1.1.1.1")
    assert not limiter.blocked("alma", "1.1.1.1")
    limiter.fail("alma", "1.1.1.1")
    assert limiter.blocked("ALMA", "1.1.1.1")
    assert not limiter.blocked("alma", "2.2.2.2") and not limiter.blocked("bota", "1.1.1.1")
    limiter.reset("alma", "1.1.1.1")
    assert not limiter.blocked("alma", "1.1.1.1")
    expired = FailureLimiter(limit=1, window=0)
    expired.fail("alma", "1.1.1.1")
    assert not expired.blocked("alma", "1.1.1.1")


def test_errors_keep_their_message_and_its_values():
    """Storage raises English text with placeholders; the boundary can translate the template."""
    from storage.errors import ConflictError, ReviewError

    exc = ReviewError("no candidate %(id)s", id=7)
    assert str(exc) == "no candidate 7" and exc.template == "no candidate %(id)s"
    assert exc.values == {"id": 7}
    assert str(ReviewError("50% done")) == "50% done"  # no values: never formatted
    conflict = ConflictError("changed", current={"id": 1})
    assert str(conflict) == "changed" and conflict.current == {"id": 1}
