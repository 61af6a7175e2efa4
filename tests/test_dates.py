import pytest

from crawlers.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026 жылғы 3 қараша, 09:30", "2026-11-03"),
        ("2026 жылғы 1 сәуір", "2026-04-01"),
        ("3 ноября 2026, 10:00", "2026-11-03"),
        ("12 мая 2025", "2025-05-12"),
        ("1 марта 2024", "2024-03-01"),
        ("03.11.2026", "2026-11-03"),
        ("2026-10-20T10:00", "2026-10-20"),
        ("14 October 2026", "2026-10-14"),
        ("31.02.2026", None),
        ("вчера", None),
        (None, None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected
