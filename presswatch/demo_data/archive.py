"""A fictional archive for the review app's tests, demo and benchmarks.

Every person and outlet here is invented. Some articles carry hostile payloads
(``<script>``, ``onerror``) in their title, text and outlet, and one stored raw page is hostile
HTML: the app must show them as inert text. ``build_bulk`` makes the benchmark's
10,000 candidates over 100,000 articles.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from presswatch.demo_data.stories import (
    HOSTILE_PAGE,
    ONERROR,
    PRIOR,
    SCRIPT,
    SECOND_SOURCES,
    STORIES,
)
from storage.archive import connect
from storage.articles import save_articles
from storage.migrations import migrate
from storage.pages import save_page
from storage.seed import insert_candidates, insert_spans
from storage.triage import accept

__all__ = ["HOSTILE_PAGE", "ONERROR", "SCRIPT", "build_demo", "build_demo_archive"]


def _find(text: str, surface: str) -> int:
    start = text.find(surface)
    if start < 0:
        raise ValueError(f"fixture span {surface!r} is not in its article")
    return start


def _spans(article_id: int, text: str, people: list, refs: list, amounts: list) -> dict[str, list]:
    out: dict[str, list] = {"mentions": [], "legal_refs": [], "amounts": []}
    for surface, norm, role in people:
        start = _find(text, surface)
        if start >= 0:
            out["mentions"].append(
                {
                    "article_id": article_id,
                    "kind": "person",
                    "text": surface,
                    "norm": norm,
                    "role": role,
                    "start": start,
                    "end": start + len(surface),
                }
            )
    for surface, code, article, part in refs:
        start = _find(text, surface)
        if start >= 0:
            out["legal_refs"].append(
                {
                    "article_id": article_id,
                    "text": surface,
                    "code": code,
                    "article": article,
                    "part": part,
                    "start": start,
                    "end": start + len(surface),
                }
            )
    for surface, value, unit, kzt, kind in amounts:
        start = _find(text, surface)
        if start >= 0:
            out["amounts"].append(
                {
                    "article_id": article_id,
                    "text": surface,
                    "value": value,
                    "unit": unit,
                    "kzt": kzt,
                    "kind": kind,
                    "start": start,
                    "end": start + len(surface),
                }
            )
    return out


def _evidence(article_id: int, text: str) -> list[dict]:
    end = text.find(". ") + 1 or len(text)
    return [{"article_id": article_id, "sentence": text[:end], "start": 0, "end": end}]


def _candidate(story: tuple, article_ids: list[int], text: str) -> dict:
    key, category, confidence, _lang, outlet, date, title, _t, people, refs, amounts, extra = story
    return {
        "key": key,
        "category": category,
        "confidence": confidence,
        "title": title,
        "summary": text.split(". ")[0],
        "outlets": [outlet],
        "event_date": date,
        "victims": [{"name": n, "kind": "person", "role": r} for _s, n, r in people]
        + [{"name": outlet, "kind": "outlet", "role": None}],
        "legal_refs": [{"code": c, "article": a, "part": p} for _s, c, a, p in refs],
        "amounts": [{"value": v, "unit": u, "kzt": k, "kind": kd} for _s, v, u, k, kd in amounts],
        "evidence": _evidence(article_ids[0], text),
        "cues": [category.split(".")[1]] + [s for s, *_ in refs],
        "article_ids": article_ids,
        **extra,
    }


def build_demo(db: sqlite_utils.Database) -> dict[str, int]:
    """Fill a migrated archive with the fictional stories; returns ``{candidate key: id}``."""
    prior_keys, prior_incident = _prior_incident(db)
    page_id = save_page(
        db,
        url="https://hostile.example/detained",
        body=HOSTILE_PAGE,
        status=200,
        headers={"content-type": "text/html"},
        source="fixture",
    )
    records = []
    for story in STORIES:
        key, _c, _f, lang, outlet, date, title, text, *_ = story
        records.append(
            {
                "url": f"https://news.example/{key}",
                "outlet": outlet,
                "lang": lang,
                "title": title,
                "text": text,
                "published_at": f"{date}T09:00:00+05:00",
                "source": "fixture",
                "page_id": page_id if "hostile" in key else None,
            }
        )
        if key in SECOND_SOURCES:
            lang2, outlet2, date2, title2, text2 = SECOND_SOURCES[key]
            records.append(
                {
                    "url": f"https://news.example/{key}-2",
                    "outlet": outlet2,
                    "lang": lang2,
                    "title": title2,
                    "text": text2,
                    "source": "fixture",
                    "published_at": f"{date2}T12:00:00+05:00",
                }
            )
    ids = save_articles(db, records).ids()
    candidates = []
    for story in STORIES:
        key, text, (people, refs, amounts) = story[0], story[7], story[8:11]
        article_ids = [ids[f"https://news.example/{key}"]]
        if f"https://news.example/{key}-2" in ids:
            article_ids.append(ids[f"https://news.example/{key}-2"])
        for table, rows in _spans(article_ids[0], text, people, refs, amounts).items():
            insert_spans(db, table, rows)
        candidates.append(_candidate(story, article_ids, text))
        if key == "court-kasymov":
            candidates[-1]["proposed_incident_id"] = prior_incident
    return {**prior_keys, **insert_candidates(db, candidates)}


def _prior_incident(db: sqlite_utils.Database) -> tuple[dict[str, int], int]:
    """An incident accepted earlier, so merges and developments have a target."""
    category, title, date, place = PRIOR["arrest-kasymov"]
    text = "Против оператора Ерлана Касымова возбуждено уголовное дело по статье 274 УК."
    ids = save_articles(
        db,
        [
            {
                "url": "https://news.example/arrest-kasymov",
                "outlet": "Дала Хабар",
                "lang": "ru",
                "title": title,
                "text": text,
                "source": "fixture",
                "published_at": f"{date}T10:00:00+05:00",
            }
        ],
    ).ids()
    article_id = next(iter(ids.values()))
    cand = {
        "key": "arrest-kasymov",
        "category": category,
        "confidence": 0.9,
        "title": title,
        "outlets": ["Дала Хабар"],
        "event_date": date,
        "place": place,
        "victims": [{"name": "Ерлан Касымов", "kind": "person", "role": "camera_operator"}],
        "legal_refs": [{"code": "CC", "article": "274", "part": None}],
        "case_status": "investigation",
        "evidence": _evidence(article_id, text),
        "cues": ["статье 274 УК"],
        "article_ids": [article_id],
    }
    keys = insert_candidates(db, [cand])
    return keys, accept(db, keys["arrest-kasymov"], reviewer="archive", version=1)


def build_demo_archive(path: Path | str) -> dict[str, int]:
    """Create (or reuse) an archive at ``path`` and fill it with the demo stories."""
    db = connect(path)
    migrate(db)
    return build_demo(db)
