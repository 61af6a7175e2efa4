"""Rendering a report as Markdown or HTML from its figures, with Jinja templates.

Numbers are written through :class:`Refs`, which links each one to the list of incidents it
counts: an anchor into the HTML appendix, a footnote in Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from presswatch import locales, vocabulary
from reports import security, text
from reports.figures import Figure, Figures

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("md", "html")


def anchor(key: str) -> str:
    return "f-" + key.replace(".", "-").replace("_", "-")


@dataclass
class Refs:
    """Writes numbers with links and remembers which figures the text used, in order."""

    figures: dict[str, Figure]
    fmt: str
    lang: str
    used: list[str] = field(default_factory=list)

    def __call__(self, key: str) -> str:
        fig = self.figures[key]
        if key not in self.used:
            self.used.append(key)
        shown = text.number(fig.value, self.lang)
        if self.fmt == "html":
            return Markup('<a class="fig" href="#{}">{}</a>').format(anchor(key), shown)
        return f"{shown}[^{self.used.index(key) + 1}]"


def environment(fmt: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["month_name"] = text.month_name
    return env


def _say(fmt: str, lang: str):
    def say(key: str, **values) -> str:
        phrase = text.phrase(key, lang)
        if fmt == "html":
            return Markup(escape(phrase)).format(**values)
        return phrase.format(**values)

    return say


def render(
    figures: Figures,
    fmt: str,
    lang: str,
    *,
    charts: dict[str, str] | None = None,
    titles: dict[int, dict] | None = None,
    today: dt.date | None = None,
) -> str:
    """The report as ``md`` or ``html`` text in ``lang``. ``charts`` maps chart names to inline SVG
    (HTML) or image paths (Markdown); ``titles`` gives the appendix its incident titles."""
    refs = Refs(figures.flat(), fmt, lang)
    context = {
        "f": figures,
        "n": refs,
        "say": _say(fmt, lang),
        "lang": lang,
        "label": lambda k: text.label(k, lang),
        "L": text.labels(lang),
        "status": lambda code: vocabulary.name("case_status", code, lang),
        "month": text.month_name(figures.month, lang),
        "prev_month": text.month_name(text_prev(figures.month), lang),
        "ratio": lambda now, before: text.ratio(
            figures.ratio(figures.flat()[now], figures.flat()[before]), lang
        ),
        "money": lambda v: text.number(v, lang),
        "charts": charts or {},
        "titles": titles or {},
        "month_names": text.month_names(lang),
        "today": locales.date(today or dt.date.today(), lang, "long"),
        "date": lambda value: locales.date(value, lang),
        "anchor": anchor,
        "categories": _category_rows(figures),
        **_security(figures, lang),
    }
    body = environment(fmt).get_template(f"report.{fmt}.j2").render(context)
    return body.rstrip() + "\n"


def text_prev(month: str) -> str:
    return f"{int(month[:4]) - 1:04d}{month[4:]}"


def _category_rows(figures: Figures) -> list[tuple[str, str | None, str | None]]:
    """Categories present this month or the same month last year, with their figure keys."""
    keys = sorted(set(figures.month_categories) | set(figures.prev_month_categories))
    return [
        (
            k,
            f"month.category.{k}" if k in figures.month_categories else None,
            f"prev_month.category.{k}" if k in figures.prev_month_categories else None,
        )
        for k in keys
    ]


def _security(figures: Figures, lang: str) -> dict:
    """What ``_security.*.j2`` prints: its words, rows, columns and column headings."""
    words = security.words(lang)
    return {
        "sec": {
            **words,
            "intro": words["intro"].format(
                month=text.month_names(lang)[int(figures.month[5:7]) - 1]
            ),
        },
        "sec_rows": security.ROWS,
        "sec_cols": security.columns(list(figures.security)),
        "sec_heading": lambda column: security.heading(column, lang),
    }
