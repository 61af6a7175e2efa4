"""The report's charts with matplotlib (Agg): built from the figures, saved as SVG and PNG."""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure as Canvas  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from reports import rules, security, text  # noqa: E402
from reports.figures import Figures  # noqa: E402

NAMES = ("blocks", "categories", "legal", "security")
COLOURS = {"rights": "#c0392b", "access": "#2471a3", "legal": "#7d3c98"}
plt.rcParams.update({"svg.hashsalt": "presswatch", "font.size": 9})


def blocks_chart(figures: Figures, lang: str) -> Canvas:
    """Incidents per block per month over the last 12 months (stacked bars)."""
    fig, ax = plt.subplots(figsize=(8, 3.4))
    months = list(figures.blocks_by_month)
    bottom = [0.0] * len(months)
    for block in rules.BLOCKS:
        values = [figures.blocks_by_month[m][block].value for m in months]
        ax.bar(months, values, bottom=bottom, label=text.labels(lang)[block], color=COLOURS[block])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xticks(range(len(months)), [m[2:] for m in months], rotation=45)
    return _finish(fig, ax, text.phrase("chart_blocks", lang))


def categories_chart(figures: Figures, lang: str) -> Canvas:
    """Categories this month vs the same month last year (horizontal bars)."""
    keys = sorted(set(figures.month_categories) | set(figures.prev_month_categories))
    fig, ax = plt.subplots(figsize=(8, 0.35 * max(len(keys), 3) + 1.2))
    ys = range(len(keys))
    for shift, group, when in (
        (-0.2, figures.month_categories, figures.month),
        (0.2, figures.prev_month_categories, figures.previous_year),
    ):
        values = [group[k].value if k in group else 0 for k in keys]
        ax.barh([y + shift for y in ys], values, height=0.4, label=text.month_name(when, lang))
    ax.set_yticks(list(ys), [text.labels(lang)[k] for k in keys])
    ax.invert_yaxis()
    return _finish(fig, ax, text.phrase("chart_categories", lang), axis="x")


def legal_chart(figures: Figures, lang: str) -> Canvas:
    """Legal claims by branch, year to date (bars)."""
    fig, ax = plt.subplots(figsize=(6, 3))
    names = [text.labels(lang)[b] for b in rules.BRANCHES]
    ax.bar(names, [figures.ytd_legal[b].value for b in rules.BRANCHES], color=COLOURS["legal"])
    return _finish(fig, ax, text.phrase("chart_legal", lang), legend=False)


def security_chart(figures: Figures, lang: str) -> Canvas:
    """The digital-security table as grouped bars: each row's count per column."""
    cols = security.columns(list(figures.security))
    fig, ax = plt.subplots(figsize=(8, 3.4))
    width = 0.8 / len(security.ROWS)
    for n, row in enumerate(security.ROWS):
        values = [figures.security[f"{c}.{row}"].value for c in cols]
        xs = [x + (n - 1.5) * width for x in range(len(cols))]
        ax.bar(xs, values, width=width, label=security.words(lang)[row][:48])
    ax.set_xticks(range(len(cols)), [security.heading(c, lang) for c in cols], fontsize=7)
    return _finish(fig, ax, security.words(lang)["chart"])


def _finish(fig: Canvas, ax, title: str, legend: bool = True, axis: str = "y") -> Canvas:
    ax.set_title(title)
    getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True))
    if legend:
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


BUILDERS = {
    "blocks": blocks_chart,
    "categories": categories_chart,
    "legal": legal_chart,
    "security": security_chart,  # printed beside its table (templates/_security.*.j2)
}


def svg_text(canvas: Canvas) -> str:
    """The chart as an SVG element to inline in HTML (no XML prolog or doctype)."""
    buffer = io.StringIO()
    canvas.savefig(buffer, format="svg", metadata={"Date": None})
    return re.sub(r"^.*?(?=<svg)", "", buffer.getvalue(), flags=re.S)


def inline(figures: Figures, lang: str) -> dict[str, str]:
    """Every chart as inline SVG, by name."""
    out = {}
    for name, build in BUILDERS.items():
        canvas = build(figures, lang)
        out[name] = svg_text(canvas)
        plt.close(canvas)
    return out


def save(figures: Figures, lang: str, folder: Path) -> dict[str, list[Path]]:
    """Write every chart as ``<name>.svg`` and ``<name>.png`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, list[Path]] = {}
    for name, build in BUILDERS.items():
        canvas = build(figures, lang)
        out[name] = []
        for ext in ("svg", "png"):
            path = folder / f"{name}.{ext}"
            canvas.savefig(
                path, format=ext, dpi=120, metadata={"Date": None} if ext == "svg" else None
            )
            out[name].append(path)
        plt.close(canvas)
    return out
