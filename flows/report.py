"""Prefect flow for the monthly report (deployment: cron "0 6 1 * *", Asia/Almaty)."""

from __future__ import annotations

from prefect import flow, get_run_logger

from reports.monthly import produce


@flow(name="monthly-report")
def monthly_report(
    month: str | None = None,
    db_path: str | None = None,
    folder: str | None = None,
    freeze: bool = False,
) -> list[str]:
    """Draft the report of ``month`` (default: the previous month) in English and Russian,
    as md, html and pdf, into ``folder`` (default ``data/reports/<month>/``)."""
    files = produce(month, db_path, folder, freeze=freeze)
    get_run_logger().info("monthly report: %d files written", len(files))
    return [str(f) for f in files]
