"""A fictional archive of accepted incidents across 2025 and 2026 for the report tests.

People and outlets are invented. Each incident is written as the review app writes one: a row
in ``incidents``, its source articles in ``incident_articles``, its timeline in ``developments``
and an ``accept`` entry in ``decisions``. :func:`build` returns the incident ids by fixture key.
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from storage.archive import connect, write
from storage.articles import save_articles
from storage.migrations import migrate

OUTLETS = ("Stepnoy Vestnik", "Dala Times", "Qala News", "Altyn Info")
PEOPLE = ("Zarina Kopbayeva", "Timur Orynbek", "Lidia Savrasova", "Ruslan Esken")

# key, category, title, source dates, event date, status, legal refs, amounts, developments
INCIDENTS = [
    # 2025
    (
        "p1",
        "access.cyberattack",
        "DDoS on the Dala Times site",
        ["2025-01-10"],
        "2025-01-09",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p2",
        "rights.attack",
        "Camera operator of Qala News beaten in Karatau",
        ["2025-02-03"],
        "2025-02-02",
        "investigation",
        ["CC 158 2"],
        [],
        [],
    ),
    (
        "p3",
        "legal.civil",
        "Honour claim against Altyn Info",
        ["2025-03-15"],
        "2025-03-14",
        "court",
        ["CIVIL 143"],
        [("claimed", 2_500_000)],
        [],
    ),
    (
        "p4",
        "access.refusal",
        "Akimat refuses budget data to Stepnoy Vestnik",
        ["2025-04-20"],
        "2025-04-18",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p5",
        "rights.privacy",
        "Home address of a Dala Times editor published",
        ["2025-05-05"],
        "2025-05-04",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p6",
        "legal.administrative",
        "Blogger charged with defamation",
        ["2025-06-18"],
        "2025-06-17",
        "court",
        ["CAO 73-3 1"],
        [],
        [],
    ),
    (
        "p7",
        "access.cyberattack",
        "Qala News Telegram channel hacked",
        ["2025-09-09"],
        "2025-09-08",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p8",
        "rights.detention",
        "Reporter detained at a protest in Zhanaqala",
        ["2025-11-04"],
        "2025-11-04",
        "closed",
        [],
        [],
        [],
    ),
    (
        "p9",
        "access.cyberattack",
        "DDoS on Altyn Info during elections",
        ["2025-11-12"],
        "2025-11-11",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p10",
        "legal.civil",
        "Honour claim against a Stepnoy Vestnik columnist",
        ["2025-11-20"],
        "2025-11-19",
        "court",
        ["CIVIL 143"],
        [("claimed", 1_000_000)],
        [],
    ),
    (
        "p11",
        "access.blocking",
        "Dala Times blocked by the regulator",
        ["2025-12-15"],
        "2025-12-14",
        "reported",
        [],
        [],
        [],
    ),
    (
        "p12",
        "rights.threat",
        "Threats to a Qala News reporter",
        ["2025-12-28"],
        "2025-12-27",
        "reported",
        [],
        [],
        [],
    ),
    # 2026, January to October
    (
        "c1",
        "access.cyberattack",
        "DDoS on Stepnoy Vestnik",
        ["2026-01-14"],
        "2026-01-13",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c2",
        "legal.civil",
        "Official sues Dala Times for honour and dignity",
        ["2026-01-20", "2026-01-22"],
        "2026-01-19",
        "court",
        ["CIVIL 143"],
        [("claimed", 5_000_000)],
        [],
    ),
    (
        "c3",
        "rights.attack",
        "Altyn Info reporter attacked in a courtyard",
        ["2026-01-25"],
        "2026-01-24",
        "investigation",
        ["CC 158 2"],
        [],
        [("2026-05-10", "court", "Attacker's case sent to court")],
    ),
    (
        "c4",
        "legal.administrative",
        "Editor fined for defamation",
        ["2026-02-05"],
        "2026-02-03",
        "decision",
        ["CAO 73-3 1"],
        [("fine", 110_760)],
        [],
    ),
    (
        "c5",
        "rights.impersonation",
        "Fake account of Zarina Kopbayeva sends mailings",
        ["2026-02-11"],
        "2026-02-10",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c6",
        "access.refusal",
        "Ministry ignores a Qala News request",
        ["2026-02-18"],
        "2026-02-16",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c7",
        "legal.criminal",
        "Criminal case against a blogger for false information",
        ["2026-03-03"],
        "2026-03-01",
        "court",
        ["CC 274 2"],
        [],
        [],
    ),
    (
        "c8",
        "access.cyberattack",
        "Dala Times editorial mail hacked",
        ["2026-03-09"],
        "2026-03-08",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c9",
        "legal.civil",
        "Court recovers damages from Altyn Info",
        ["2026-03-22"],
        "2026-03-20",
        "decision",
        ["CIVIL 143"],
        [("claimed", 2_000_000), ("recovered", 300_000)],
        [("2026-11-20", "appeal", "Appeal heard in the regional court")],
    ),
    (
        "c10",
        "rights.detention",
        "Stepnoy Vestnik photographer detained",
        ["2026-04-02"],
        "2026-04-02",
        "closed",
        [],
        [],
        [],
    ),
    (
        "c11",
        "legal.administrative",
        "Journalist fined under 456-2 for a post",
        ["2026-05-15"],
        "2026-05-12",
        "decision",
        ["CAO 456-2 3"],
        [("fine", 118_000)],
        [],
    ),
    (
        "c12",
        "rights.privacy",
        "Passport data of Timur Orynbek leaked",
        ["2026-06-06"],
        "2026-06-05",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c13",
        "legal.civil",
        "Company claims business losses from Qala News",
        ["2026-06-19"],
        "2026-06-18",
        "court",
        ["CIVIL 917"],
        [("claimed", 1_000_000)],
        [],
    ),
    (
        "c14",
        "access.blocking",
        "Altyn Info site blocked for two days",
        ["2026-07-07"],
        "2026-07-06",
        "closed",
        [],
        [],
        [],
    ),
    (
        "c15",
        "legal.criminal",
        "Pre-trial probe of an editor for false information",
        ["2026-08-12"],
        "2026-08-10",
        "investigation",
        ["CC 274 1"],
        [],
        [],
    ),
    (
        "c16",
        "legal.civil",
        "Honour lawsuit by an akim against Lidia Savrasova",
        ["2026-09-10"],
        "2026-09-08",
        "court",
        ["CIVIL 143"],
        [("claimed", 3_000_000)],
        [("2026-11-12", "court", "First hearing held behind closed doors")],
    ),
    (
        "c17",
        "access.cyberattack",
        "Qala News site defaced",
        ["2026-09-28"],
        "2026-09-27",
        "reported",
        [],
        [],
        [],
    ),
    (
        "c18",
        "rights.threat",
        "Threats to Ruslan Esken after an investigation",
        ["2026-10-04", "2026-11-10"],
        "2026-10-03",
        "investigation",
        [],
        [],
        [],
    ),
    (
        "c19",
        "legal.administrative",
        "Defamation protocol against a Dala Times author",
        ["2026-10-21"],
        "2026-10-20",
        "court",
        ["CAO 73-3 1"],
        [],
        [],
    ),
    # 2026, November: the report month
    (
        "n1",
        "rights.obstruction",
        "Guards stop Stepnoy Vestnik crew at a plant",
        ["2026-11-03"],
        "2026-11-02",
        "investigation",
        ["CC 158 1"],
        [],
        [],
    ),
    (
        "n2",
        "rights.attack",
        "Qala News reporter hit during filming",
        ["2026-11-05"],
        "2026-11-05",
        "investigation",
        [],
        [],
        [],
    ),
    (
        "n3",
        "rights.insult",
        "Official insults an Altyn Info journalist",
        ["2026-11-06"],
        "2026-11-06",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n4",
        "access.cyberattack",
        "DDoS on Dala Times after a story",
        ["2026-11-08"],
        "2026-11-07",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n5",
        "access.cyberattack",
        "Phone of Timur Orynbek hacked",
        ["2026-11-09"],
        "2026-11-09",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n6",
        "access.court_openness",
        "Press barred from a hearing in Karatau",
        ["2026-11-12"],
        "2026-11-12",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n7",
        "rights.impersonation",
        "Fake Altyn Info page collects donations",
        ["2026-11-13"],
        "2026-11-12",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n8",
        "legal.civil",
        "Honour claim against Zarina Kopbayeva",
        ["2026-11-14"],
        "2026-11-13",
        "court",
        ["CIVIL 143"],
        [("claimed", 4_000_000)],
        [("2026-11-25", "court", "Preliminary hearing set")],
    ),
    (
        "n9",
        "legal.civil",
        "Court recovers moral damages from Dala Times",
        ["2026-11-17"],
        "2026-11-16",
        "decision",
        ["CIVIL 143"],
        [("claimed", 1_500_000), ("recovered", 200_000)],
        [],
    ),
    (
        "n10",
        "legal.administrative",
        "Blogger fined for false information",
        ["2026-11-20"],
        "2026-11-19",
        "decision",
        ["CAO 456-2 3"],
        [],
        [],
    ),
    (
        "n11",
        "legal.administrative",
        "Defamation case against a Qala News editor",
        ["2026-11-24"],
        "2026-11-23",
        "court",
        ["CAO 73-3 1"],
        [],
        [],
    ),
    (
        "n12",
        "access.closure",
        "Stepnoy Vestnik print edition suspended",
        ["2026-11-02"],
        "2026-10-30",
        "reported",
        [],
        [],
        [],
    ),
    (
        "n13",
        "rights.summons",
        "Editor summoned to the prosecutor's office",
        [],
        "2026-11-26",
        "reported",
        [],
        [],
        [],
    ),
    # first reported in December although the event was in November: not in the November counts
    (
        "d1",
        "legal.criminal",
        "Criminal probe against Ruslan Esken",
        ["2026-12-01"],
        "2026-11-29",
        "investigation",
        ["CC 274 2"],
        [],
        [],
    ),
]


def _refs(refs: list[str]) -> str:
    out = []
    for ref in refs:
        code, article, *part = ref.split()
        out.append({"code": code, "article": article, "part": part[0] if part else None})
    return json.dumps(out, ensure_ascii=False)


def _amounts(amounts: list[tuple[str, int]]) -> str:
    return json.dumps([{"value": v, "unit": "KZT", "kzt": v, "kind": k} for k, v in amounts])


def _articles(n: int, key: str, title: str, dates: list[str]) -> list[dict]:
    outlet = OUTLETS[n % len(OUTLETS)]
    return [
        {
            "url": f"https://news.example.test/{key}/{i}",
            "source": outlet.lower().replace(" ", "_"),
            "outlet": outlet,
            "title": title if i == 0 else f"{title}: follow-up",
            "lang": "en",
            "text": f"{title}. {PEOPLE[n % len(PEOPLE)]} told {outlet} about it.",
            "published_at": f"{date}T09:00:00+05:00",
        }
        for i, date in enumerate(dates)
    ]


def _insert(db: sqlite_utils.Database, n: int, spec: tuple) -> int:
    key, category, title, dates, event, status, refs, amounts, devs = spec
    outlet = OUTLETS[n % len(OUTLETS)]
    incident_id = int(
        db["incidents"]
        .insert(
            {
                "category": category,
                "title": title,
                "summary": f"{title} ({event}).",
                "place": "Karatau",
                "victims": json.dumps([{"name": outlet, "kind": "outlet", "role": None}]),
                "outlets": json.dumps([outlet]),
                "perpetrator": "unknown",
                "legal_refs": _refs(refs),
                "amounts": _amounts(amounts),
                "event_date": event,
                "case_status": status,
                "status": status,
                "ongoing": int(bool(devs)),
                "created_by": "fixture",
                "created_at": f"{event}T12:00:00+00:00",
            }
        )
        .last_pk
    )
    saved = save_articles(db, _articles(n, key, title, dates)).ids()
    db["incident_articles"].insert_all(
        {"incident_id": incident_id, "article_id": a, "added_at": event} for a in saved.values()
    )
    db["developments"].insert_all(
        {"incident_id": incident_id, "status": s, "date": d, "note": note, "created_by": "fixture"}
        for d, s, note in devs
    )
    db["decisions"].insert(
        {
            "at": f"{event}T12:00:00+00:00",
            "reviewer": "fixture",
            "target_type": "incident",
            "target_id": incident_id,
            "action": "accept",
        }
    )
    return incident_id


def build(path: Path | str) -> dict[str, int]:
    """Create a migrated archive at ``path`` holding the fixture; returns ids by fixture key."""
    db = connect(path)
    migrate(db)
    ids = {}
    for n, spec in enumerate(INCIDENTS):
        with write(db):
            ids[spec[0]] = _insert(db, n, spec)
    return ids
