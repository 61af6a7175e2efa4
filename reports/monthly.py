"""The monthly run: draft the previous month's report in every language and format into a
folder (what the Prefect deployment runs on the 1st)."""

from __future__ import annotations

from pathlib import Path

from reports.build import draft
from reports.frozen import publish
from reports.pdf import find_chromium
from reports.rules import previous_month
from reports.text import LANGS
from storage.archive import connect, default_db_path
from storage.errors import PresswatchError

DEFAULT_FOLDER = Path("data") / "reports"


def formats_available() -> tuple[str, ...]:
    """md and html always; pdf when Chromium is installed."""
    try:
        find_chromium()
    except PresswatchError:
        return ("md", "html")
    return ("md", "html", "pdf")


def produce(
    month: str | None = None,
    db_path: Path | str | None = None,
    folder: Path | str | None = None,
    langs: tuple[str, ...] = LANGS,
    freeze: bool = False,
) -> list[Path]:
    """Write ``<folder>/<month>/report-<month>.<lang>.<fmt>`` (and md charts); returns the files.
    With ``freeze``, also publish each language's Markdown report."""
    month = month or previous_month()
    db = connect(db_path or default_db_path(), readonly=not freeze, create=False)
    target = Path(folder or DEFAULT_FOLDER) / month
    target.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for lang in langs:
        for fmt in formats_available():
            files += draft(db, month, fmt, lang, target / f"report-{month}.{lang}.{fmt}").files
        if freeze:
            publish(db, month, lang)
    return files
