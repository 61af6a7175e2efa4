"""The nightly run's summary in the readers' languages (flows/summary.py) and as the
``presswatch nightly`` command prints it (the terminal's language)."""

from __future__ import annotations

from flows.summary import summary_markdown
from presswatch.commands.nightly import run_summary
from storage.runs import finish_run, record_failure, start_run

STATS = {
    "sources": {
        "dala_feed": {"status": "ok", "items": 12, "pages": 14, "errors": 0},
        "qala_sitemap": {"status": "failed", "items": 0, "pages": 0, "reason": "HTTP 503"},
        "altyn_listing": {"status": "ok", "items": 3, "pages": 5, "errors": 1},
    },
    "extract": {},
    "tag": {"tagged": 15},
    "detect": {"signals": 4},
    "group": {"new_total": 2, "new": {"access.cyberattack": 1, "legal.civil": 1}},
    "stage_seconds": {"crawl": 10.5, "tag": 2.25},
    "task_seconds": 12.75,
    "wall_seconds": 1234.5,
    "new_articles": 15,
    "failed_sources": ["qala_sitemap"],
}
FAILURES = [
    {"stage": "extract", "source": "altyn_listing", "url": "http://x/1", "reason": "no text"}
]


def test_english_summary():
    text = summary_markdown(7, STATS, FAILURES)
    assert text.startswith(
        "# Nightly run #7: 1 source failed: qala_sitemap; 1 source with errors: altyn_listing\n"
    )
    assert "15 new articles, 15 tagged, 4 signals, 2 new candidates in 1,234.5 s." in text
    assert "| Cyberattacks (DDoS, hacking) | 1 |" in text  # categories by name, not code


def test_russian_and_kazakh_summaries():
    ru = summary_markdown(7, STATS, FAILURES, "ru")
    assert ru.startswith("# Ночной запуск №7: 1 источник со сбоем: qala_sitemap;")
    assert "Новых статей: 15" in ru and "1\u00a0234,5 с" in ru
    assert "## Новые кандидаты по категориям" in ru and "| Кибератаки (DDoS, взломы) | 1 |" in ru
    assert "| qala_sitemap | сбой | 0 |" in ru and "| извлечение текста | altyn_listing |" in ru
    assert "| сбор | 10.5 |" in ru
    kk = summary_markdown(7, STATS, FAILURES, "kk")
    assert kk.startswith("# №7 түнгі іске қосу: 1 дереккөзде ақау: qala_sitemap;")
    assert "| Азаматтық талап-арыздар мен талаптар | 1 |" in kk and "## Ақаулар" in kk
    for text in (ru, kk):
        assert "source" not in text.replace("qala_sitemap", "") and "Failures" not in text


def test_russian_plural_forms():
    stats = {**STATS, "failed_sources": ["a", "b", "c"]}
    stats["sources"] = {n: {"status": "failed"} for n in "abc"}
    assert "3 источника со сбоем: a, b, c" in summary_markdown(1, stats, [], "ru")
    stats = {**stats, "failed_sources": list("abcde")}
    assert "5 источников со сбоем" in summary_markdown(1, stats, [], "ru")


def test_command_prints_the_stored_run_in_the_terminals_language(db, db_path):
    run_id = start_run(db, "nightly")
    record_failure(
        db, source="altyn_listing", stage="extract", kind="x", reason="no text", run_id=run_id
    )
    finish_run(db, run_id, "completed", summary_markdown(run_id, STATS, FAILURES), STATS)
    assert run_summary(db_path, "en").startswith(f"# Nightly run #{run_id}:")
    assert run_summary(db_path, "kk").startswith(f"# №{run_id} түнгі іске қосу:")
    assert "altyn_listing" in run_summary(db_path, "ru")
