"""Drafting a monthly report: figures → charts → text (md/html) → file (md/html/pdf)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from reports import charts, pdf, render
from reports.figures import Figures, compute
from storage.redactions import Redactor
from storage.reporting import incident_titles

FORMATS = ("md", "html", "pdf")


@dataclass
class Draft:
    """A rendered report: its figures, its text (HTML for pdf) and the files written."""

    figures: Figures
    fmt: str
    lang: str
    body: str
    files: list[Path] = field(default_factory=list)


def titles_for(db: sqlite_utils.Database, figures: Figures) -> dict[int, dict]:
    ids = [i for fig in figures.flat().values() for i in fig.ids]
    return incident_titles(db, ids)


def draft(
    db: sqlite_utils.Database,
    month: str,
    fmt: str = "md",
    lang: str = "en",
    output: Path | None = None,
    today: dt.date | None = None,
) -> Draft:
    """Draft the report for ``month``; writes ``output`` (and, for md, its charts beside it).
    Redacted people and passages (``storage/redactions.py``) never reach the text."""
    figures = compute(db, month)
    redactor = Redactor.of(db)
    figures.entries, figures.ongoing = (
        redactor.value(figures.entries),
        redactor.value(figures.ongoing),
    )
    titles = redactor.value(titles_for(db, figures))
    files: list[Path] = []
    if fmt == "md":
        chart_paths = _md_charts(figures, lang, output, files)
        body = render.render(figures, "md", lang, charts=chart_paths, titles=titles, today=today)
    else:
        body = render.render(
            figures, "html", lang, charts=charts.inline(figures, lang), titles=titles, today=today
        )
    body = redactor.text(body)
    if output and fmt == "pdf":
        files.append(pdf.html_to_pdf(body, output))
    elif output:
        output.write_text(body, encoding="utf-8")
        files.append(output)
    return Draft(figures, fmt, lang, body, files)


def _md_charts(
    figures: Figures, lang: str, output: Path | None, files: list[Path]
) -> dict[str, str]:
    """Charts for a Markdown file go beside it in ``<stem>-charts/`` (none on standard output)."""
    if output is None:
        return {}
    folder = output.parent / f"{output.stem}-charts"
    saved = charts.save(figures, lang, folder)
    files.extend(p for paths in saved.values() for p in paths)
    return {name: f"{folder.name}/{name}.png" for name in saved}
