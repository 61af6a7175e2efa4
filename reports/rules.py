"""The counting rules of the monthly report, written as code (documented in docs/reports.md).

**When an incident counts.** An incident counts once, in the month of its *first report*: the
publication date of its earliest source article; if it has no source article, its event date; if
it has neither, the day it was accepted. Later news about it never counts again.

**Ongoing cases.** A development (court hearing, verdict, appeal…) dated in the report month of an
incident first reported in an earlier month is *ongoing*: it is listed in the report's "ongoing
cases" section and excluded from every count, as the reference report does ("excluding reports
related to ongoing cases"). A development of an incident first reported in the same month is part
of that incident's entry. The ``ongoing`` flag on an incident (the case is not closed) does not
change where it counts.

**What the figures count** (incident categories are leaf codes of DESIGN.md):
- block = the first part of the category (``rights``, ``access``, ``legal``);
- legal branches = ``legal.criminal``, ``legal.civil``, ``legal.administrative``;
- honour and dignity = a civil claim citing Civil Code art. 143 (``CIVIL 143``);
- defamation = an administrative case citing CAO art. 73-3; false information = CAO art. 456-2;
- criminal "in court" = a criminal case whose status is court, decision or appeal;
- tenge claimed / recovered = amounts of kind ``claimed`` / ``recovered`` in honour-and-dignity
  cases (as the reference report sums them), in tenge (``kzt``, or ``value`` when the unit is KZT);
- digital security = ``access.cyberattack`` (DDoS, hacking) plus ``rights.impersonation`` (fake
  accounts and pages) and ``rights.privacy`` (doxxing, publication of personal data), the threats
  the reference report counts as digital.
"""

from __future__ import annotations

import datetime as dt

BLOCKS = ("rights", "access", "legal")
CATEGORIES = {
    "rights": (
        "obstruction",
        "detention",
        "attack",
        "threat",
        "insult",
        "impersonation",
        "privacy",
        "summons",
        "interference",
        "copyright",
    ),
    "access": ("refusal", "accreditation", "court_openness", "closure", "blocking", "cyberattack"),
    "legal": ("criminal", "civil", "administrative"),
}
BRANCHES = ("criminal", "civil", "administrative")
HONOUR_REF = ("CIVIL", "143")
DEFAMATION_REF = ("CAO", "73-3")
FALSE_INFO_REF = ("CAO", "456-2")
IN_COURT = ("court", "decision", "appeal")
DIGITAL = ("access.cyberattack", "rights.impersonation", "rights.privacy")


def reported_on(
    first_source: str | None, event_date: str | None, created_at: str | None
) -> str | None:
    """The day an incident counts on (``YYYY-MM-DD``): first source, else event, else accepted."""
    for value in (first_source, event_date, created_at):
        if value:
            return value[:10]
    return None


def is_ongoing(development_date: str, incident_reported_on: str | None) -> bool:
    """A development is ongoing news when its incident was first reported in an earlier month."""
    if not incident_reported_on:
        return False
    return incident_reported_on[:7] < development_date[:7]


def month_bounds(month: str) -> tuple[str, str]:
    """First and last day of ``YYYY-MM``."""
    first = dt.date.fromisoformat(f"{month}-01")
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()


def shift_month(month: str, by: int) -> str:
    """``YYYY-MM`` moved by ``by`` months."""
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def previous_month(today: dt.date | None = None) -> str:
    """The month before ``today`` (the month a report on the 1st is about)."""
    today = today or dt.date.today()
    return shift_month(today.strftime("%Y-%m"), -1)


def same_period_last_year(month: str) -> str:
    return f"{int(month[:4]) - 1:04d}{month[4:]}"
