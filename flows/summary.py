"""The morning summary of a nightly run, as markdown (Prefect artifact, archive, terminal), in
any of the readers' languages (``presswatch.locales``; the stored one is English)."""

from __future__ import annotations

from typing import Any

from presswatch import locales, vocabulary


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def headline(failed: list[str], failures: list[dict], lang: str = "en") -> str:
    """ "2 source(s) failed, 3 with errors" — robots.txt refusals are obeyed, not errors."""
    tr = locales.translations(lang)
    real = {
        f["source"] for f in failures if f.get("source") and "robots.txt" not in (f["reason"] or "")
    }
    troubled = sorted(real - set(failed))
    failed_text = tr.ngettext(
        "%(n)s source failed: %(names)s", "%(n)s sources failed: %(names)s", len(failed)
    )
    troubled_text = tr.ngettext(
        "%(n)s source with errors: %(names)s", "%(n)s sources with errors: %(names)s", len(troubled)
    )
    parts = [
        failed_text % {"n": len(failed), "names": ", ".join(failed)} if failed else "",
        troubled_text % {"n": len(troubled), "names": ", ".join(troubled)} if troubled else "",
    ]
    return "; ".join(p for p in parts if p) or tr.gettext("all sources ok")


def _totals(stats: dict[str, Any], lang: str) -> str:
    values = {
        "articles": stats["new_articles"],
        "tagged": stats["tag"].get("tagged", 0),
        "signals": stats["detect"].get("signals", 0),
        "candidates": stats["group"].get("new_total", 0),
        "seconds": locales.number(stats["wall_seconds"], lang, 1),
    }
    return locales.gettext(
        "%(articles)s new articles, %(tagged)s tagged, %(signals)s signals, "
        "%(candidates)s new candidates in %(seconds)s s.",
        lang,
        **values,
    )


def _sources(stats: dict[str, Any], _, lang: str) -> list[str]:
    header = [_("source"), _("status"), _("new articles"), _("pages"), _("errors"), _("reason")]
    return _table(
        header,
        [
            [
                n,
                vocabulary.name("source_status", s.get("status"), lang),
                s.get("items", 0),
                s.get("pages", 0),
                s.get("errors", 0),
                (s.get("reason") or "").replace("|", "/")[:120],
            ]
            for n, s in sorted(stats["sources"].items())
        ],
    )


def _failures(failures: list[dict], _, lang: str) -> list[str]:
    if not failures:
        return [_("none")]
    rows = [
        [
            vocabulary.name("stage", f["stage"], lang),
            f["source"] or "",
            f["url"] or "",
            (f["reason"] or "").replace("|", "/")[:160],
        ]
        for f in failures[:100]
    ]
    return _table([_("stage"), _("source"), _("url"), _("reason")], rows)


def summary_markdown(
    run_id: int, stats: dict[str, Any], failures: list[dict], lang: str = "en"
) -> str:
    _ = locales.translations(lang).gettext
    head = _("Nightly run #%(id)s: %(headline)s") % {
        "id": run_id,
        "headline": headline(stats["failed_sources"], failures, lang),
    }
    lines = ["# " + head, "", _totals(stats, lang), "", "## " + _("New articles per source"), ""]
    lines += _sources(stats, _, lang)
    per_category = stats["group"].get("new", {})
    lines += ["", "## " + _("New candidates per category"), ""]
    rows = sorted([vocabulary.category(k, lang), v] for k, v in per_category.items())
    lines += _table([_("category"), _("new")], rows) if per_category else [_("none")]
    lines += ["", "## " + _("Failures"), ""]
    lines += _failures(failures, _, lang)
    lines += ["", "## " + _("Stage timings (seconds of task bodies)"), ""]
    lines += _table(
        [_("stage"), _("seconds")],
        [[vocabulary.name("stage", k, lang), v] for k, v in stats["stage_seconds"].items()],
    )
    wall = locales.number(stats["wall_seconds"], lang, 1)
    bodies = locales.number(stats["task_seconds"], lang, 1)
    lines += [
        "",
        _("Wall time %(wall)s s; task bodies %(bodies)s s.") % {"wall": wall, "bodies": bodies},
    ]
    return "\n".join(lines) + "\n"
