import datetime as dt

from reports import rules


def test_reported_on_prefers_first_source_then_event_then_acceptance():
    assert (
        rules.reported_on("2026-11-02T09:00:00+05:00", "2026-10-30", "2026-11-05T00:00")
        == "2026-11-02"
    )
    assert rules.reported_on(None, "2026-11-26", "2026-11-28T10:00") == "2026-11-26"
    assert rules.reported_on(None, None, "2026-11-28T10:00:00+00:00") == "2026-11-28"
    assert rules.reported_on(None, "", None) is None


def test_development_is_ongoing_only_for_incidents_of_earlier_months():
    assert rules.is_ongoing("2026-11-12", "2026-09-10")
    assert not rules.is_ongoing("2026-11-25", "2026-11-14")
    assert not rules.is_ongoing("2026-11-25", None)


def test_months():
    assert rules.month_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert rules.month_bounds("2026-12") == ("2026-12-01", "2026-12-31")
    assert rules.shift_month("2026-01", -1) == "2025-12"
    assert rules.shift_month("2026-11", -11) == "2025-12"
    assert rules.previous_month(dt.date(2027, 1, 1)) == "2026-12"
    assert rules.same_period_last_year("2026-11") == "2025-11"
