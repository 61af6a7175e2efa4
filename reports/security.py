"""The report's digital-security table, laid out as the reference report prints it.

Rows: all digital-security threats (``rules.DIGITAL`` categories, and any incident with a
cyberattack kind); (a) DDoS attacks on sites and accounts of media, journalists and bloggers
(``cyber_kind = ddos``); (b) hacking of media sites, editorial offices and accounts, attempts
included (``hacking``, ``attempted_hacking``); (a)+(b). Columns: the report month, then January to
the report month of this year and of each earlier year (back to the archive's first year, at most
:data:`YEARS_BACK`, at least one). Every cell is the list of incident ids it counts.
"""

from __future__ import annotations

import sqlite_utils

from presswatch import locales
from presswatch.locales import N_
from reports import rules
from storage import reporting

ROWS = ("total", "ddos", "hacking", "ab")
YEARS_BACK = 4
HACKING = ("hacking", "attempted_hacking")

WORDS = {
    "title": N_("Digital security threats"),
    "intro": N_(
        "Threats to the digital security of journalists and media, by kind: the month, "
        "and January to {month} of each year."
    ),
    "total": N_("Total digital security threats"),
    "ddos": N_("a) DDoS attacks on websites and accounts of media, journalists, bloggers"),
    "hacking": N_(
        "b) Hacking (and attempted hacking) of media websites, editorial offices, "
        "journalists' and bloggers' accounts"
    ),
    "ab": N_("Total for (a) and (b)"),
    "col_kind": N_("Kind"),
    "chart": N_("Digital security threats by year"),
}


def words(lang: str) -> dict[str, str]:
    """The table's words in ``lang`` (English in the code, the others in the catalogues)."""
    tr = locales.translations(lang)
    return {key: tr.gettext(message) for key, message in WORDS.items()}


def years(db: sqlite_utils.Database, month: str) -> list[str]:
    """The year columns, newest first."""
    year = int(month[:4])
    first = reporting.first_year(db) or year
    back = min(YEARS_BACK, max(1, year - first))
    return [str(year - i) for i in range(back + 1)]


def cells(db: sqlite_utils.Database, since: str, until: str) -> dict[str, list[int]]:
    """The four rows' incident ids for one period."""
    digital = reporting.ids_where(db, since, until, categories=rules.DIGITAL)
    ddos = reporting.ids_where(db, since, until, cyber_kinds=("ddos",))
    hacking = reporting.ids_where(db, since, until, cyber_kinds=HACKING)
    ab = sorted({*ddos, *hacking})
    return {"total": sorted({*digital, *ab}), "ddos": ddos, "hacking": hacking, "ab": ab}


def table(db: sqlite_utils.Database, month: str) -> dict[str, list[int]]:
    """Every cell under ``<column>.<row>``: column the month (``YYYY-MM``) or a year to date
    (``ytd-YYYY-MM``: January to the report month of that year)."""
    out: dict[str, list[int]] = {}
    columns = [(month, *rules.month_bounds(month))]
    for y in years(db, month):
        columns.append(
            (f"ytd-{y}{month[4:]}", f"{y}-01-01", rules.month_bounds(f"{y}{month[4:]}")[1])
        )
    for column, since, until in columns:
        out.update({f"{column}.{row}": ids for row, ids in cells(db, since, until).items()})
    return out


def columns(keys: list[str]) -> list[str]:
    """The columns present in a table's keys, in order (the month first, then years)."""
    return list(dict.fromkeys(k.split(".", 1)[0] for k in keys))


def heading(column: str, lang: str) -> str:
    """A column's heading: "November 2026", or "January–November 2025" for a year to date."""
    from reports.text import month_name, month_names

    if not column.startswith("ytd-"):
        return month_name(column, lang)
    names = month_names(lang)
    return f"{names[0]}–{names[int(column[9:11]) - 1]} {column[4:8]}"


def label(key: str, lang: str) -> str:
    """``security.2025.ddos`` → the row's name and its column, for the report's appendix."""
    column, row = key.removeprefix("security.").split(".", 1)
    return f"{words(lang)[row]} ({heading(column, lang)})"
