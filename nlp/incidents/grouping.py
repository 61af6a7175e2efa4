"""Grouping signals into candidates: one candidate per incident, however many articles report it.

Articles with signals are linked when, within ``WINDOW_DAYS``, their categories are compatible (a
shared category, or the same block when one side has a single category) and they share a victim
(people and outlets matched across inflection and script by ``nlp.entities.names.key``) or their texts are
near duplicates (simhash). Each connected group is filed under a stable key (category block + sorted
victim keys + ISO week of the first event); a group with an article already in a candidate joins
that candidate instead, so re-running never splits or duplicates one. The candidates depend only on
the articles, not on the order they arrived in: a group that reaches several pending candidates
(filed apart before the article linking them came) folds them into the oldest, and a group whose
key is already another group's gets its own (``…|a<first article id>``) instead of joining it. A group about an accepted
incident, with a follow-up case status, becomes a development proposal (``proposed_incident_id``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import sqlite_utils

from nlp.detect.cues import STATUS_ORDER
from nlp.entities.names import key as name_key
from nlp.text.simhash import near, simhash

WINDOW_DAYS = 30  # shared outlet or near-duplicate text
CASE_DAYS = 120  # shared person: court cases run for months
HORIZON_DAYS = 180  # signals older than this (before the newest) are not regrouped
NAME_DAYS = 14  # only a shared Latin-script name in the headlines ("Shyraq Files")
NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
FOLLOWUP = set(STATUS_ORDER[1:])


def victim_keys(victims: list[dict], kind: str | None = None) -> set[str]:
    return {
        k
        for v in victims
        if (kind is None or v.get("kind") == kind) and len(k := name_key(v.get("name") or "")) >= 4
    }


def _day(sig: dict) -> dt.date:
    raw = (sig.get("published_at") or sig.get("first_seen_at") or "1970-01-01")[:10]
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return dt.date(1970, 1, 1)


def articles(signals: list[dict]) -> dict[int, dict]:
    """Per article: its signals, categories, person/outlet victim keys, names, day and fingerprint."""
    out: dict[int, dict] = {}
    for sig in signals:
        own = name_key((sig.get("article_outlet") or "").replace("-", " "))
        a = out.setdefault(
            sig["article_id"],
            {
                "id": sig["article_id"],
                "signals": [],
                "cats": set(),
                "people": set(),
                "outlets": set(),
                "names": set(),
                "day": _day(sig),
                "fp": sig.get("fingerprint"),
            },
        )
        a["signals"].append(sig)
        a["cats"].add(sig["category"])
        a["people"] |= {surname(k) for k in victim_keys(sig.get("victims") or [], "person")}
        a["outlets"] |= victim_keys(sig.get("victims") or [], "outlet") - {own}
        a["names"] |= {name_key(m) for m in NAME.findall(sig.get("article_title") or "")} - {
            "",
            own,
        }
    for a in out.values():
        a["victims"] = a["people"] | a["outlets"]
        top = max(s.get("confidence") or 0 for s in a["signals"])
        a["main"] = {
            s["category"] for s in a["signals"] if (s.get("confidence") or 0) >= top - 0.05
        }
    return out


def surname(key: str) -> str:
    """A person's match key: the surname's consonant skeleton, which survives inflection and
    transliteration ("toleubekova" / "tuleubekov" → "tlbkv", "salikbaeva" / "salikbaev")."""
    last = key.split()[-1]
    return (last[0] + re.sub(r"[aeiouy]", "", last[1:]))[:6]


def compatible(a: dict, b: dict) -> bool:
    """Each article's main categories are among the other's categories."""
    return bool(a["main"] & b["cats"]) and bool(b["main"] & a["cats"])


def _linked(a: dict, b: dict) -> bool:
    gap = abs((a["day"] - b["day"]).days)
    if near(a["fp"], b["fp"]) and gap <= WINDOW_DAYS:
        return True
    if not compatible(a, b):
        return False
    if a["people"] & b["people"]:
        return gap <= CASE_DAYS
    if a["outlets"] & b["outlets"]:
        return gap <= WINDOW_DAYS
    return bool(a["names"] & b["names"]) and gap <= NAME_DAYS


def groups(arts: dict[int, dict]) -> list[list[int]]:
    """Connected groups of article ids (union-find over victim-sharing and near-duplicate pairs)."""
    parent = {i: i for i in arts}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_victim: dict[str, list[int]] = defaultdict(list)
    for aid, a in arts.items():
        for v in a["victims"] | a["names"]:
            by_victim[v].append(aid)
    pairs = {(x, y) for ids in by_victim.values() for x in ids for y in ids if x < y}
    ids = sorted(arts)
    pairs |= _near_pairs(arts)
    for x, y in sorted(pairs):
        if _linked(arts[x], arts[y]):
            parent[max(root(x), root(y))] = min(root(x), root(y))
    out: dict[int, list[int]] = defaultdict(list)
    for aid in ids:
        out[root(aid)].append(aid)
    return list(out.values())


def _near_pairs(arts: dict[int, dict]) -> set[tuple[int, int]]:
    """Near-duplicate pairs, compared only within ``WINDOW_DAYS`` of each other (sliding window)."""
    by_day = sorted(arts, key=lambda i: (arts[i]["day"], i))
    out = set()
    for n, x in enumerate(by_day):
        for y in by_day[n + 1 :]:
            if (arts[y]["day"] - arts[x]["day"]).days > WINDOW_DAYS:
                break
            if near(arts[x]["fp"], arts[y]["fp"]):
                out.add((min(x, y), max(x, y)))
    return out


def candidate_key(facets: dict, victims: set[str], first: dt.date) -> str:
    year, week, _ = first.isocalendar()
    block = facets["category"].split(".")[0]
    return f"{block}|{','.join(sorted(victims)[:4]) or 'none'}|{year}-W{week:02d}"


def fingerprint_pending(db: sqlite_utils.Database) -> int:
    """Simhash the articles with signals and no fingerprint yet; returns how many."""
    from storage.signals import set_fingerprint, texts_without_fingerprint

    fps = {
        r["id"]: simhash(f"{r.get('title') or ''}\n{r.get('text') or ''}")
        for r in texts_without_fingerprint(db)
    }
    if fps:
        set_fingerprint(db, fps)
    return len(fps)


def _incident_for(incidents: list[dict], arts: list[dict], cats: set[str]) -> dict | None:
    victims = set().union(*(a["victims"] for a in arts))
    for inc in incidents:
        people = {surname(k) for k in victim_keys(inc.get("victims") or [], "person")}
        if (people | victim_keys(inc.get("victims") or [], "outlet")) & victims and inc[
            "category"
        ] in cats:
            return inc
    return None


def _links(members: list[dict], main: str) -> list[tuple[int, int | None]]:
    """(article_id, signal_id) per article: its signal of the main category, else its first."""
    return [
        (
            a["id"],
            next((s["id"] for s in a["signals"] if s["category"] == main), a["signals"][0]["id"]),
        )
        for a in members
    ]


def _new_candidate(
    db, key: str, fac: dict, links, counts: dict, incident_id: int | None = None
) -> None:
    from storage import filing

    target = filing.by_key(db, key)
    if target and filing.holds_articles(db, target["id"]):
        # another group's key (same block, victims and week, not linked): never merged by a key
        # collision, which would depend on which articles had arrived when each was filed
        key, target = f"{key}|a{min(a for a, _ in links)}", None
        target = filing.by_key(db, key)
    cid = target["id"] if target else filing.create(db, key, fac, proposed_incident_id=incident_id)
    if not target and incident_id:
        counts["developments"] += 1
    elif not target:
        counts["new"][fac["category"]] = counts["new"].get(fac["category"], 0) + 1
    filing.attach(db, cid, links)


def _fold(db, ids: list[int], arts: dict[int, dict], counts: dict) -> list[dict]:
    """The candidates already holding the group's articles, after folding the pending ones an
    earlier run filed apart (an article linking them came later) into the oldest."""
    from nlp.incidents import merge
    from storage import filing

    existing = filing.candidates_of_articles(db, ids)
    if len(existing) < 2:
        return existing
    folded = filing.absorb(db, existing[0]["id"], [c["id"] for c in existing[1:]])
    if folded:
        counts["folded"] += len(folded)
        filing.refresh(
            db, existing[0]["id"], merge.facets([s for i in ids for s in arts[i]["signals"]])
        )
    return [c for c in existing if c["id"] not in folded]


def _file_group(
    db, ids: list[int], arts: dict[int, dict], incidents: list[dict], counts: dict
) -> None:
    from nlp.incidents import merge
    from storage import filing

    existing = _fold(db, ids, arts, counts)
    fresh = [arts[i] for i in ids if i not in filing.taken_articles(db, ids)]
    if not fresh:
        return
    fac = merge.facets([s for a in fresh for s in a["signals"]])
    incident = _incident_for(incidents, fresh, set().union(*(a["cats"] for a in fresh)))
    outside = incident is not None and not {a["id"] for a in fresh} <= set(incident["article_ids"])
    if outside and fac["case_status"] in FOLLOWUP:
        assert incident is not None  # ``outside`` implies an incident
        key = f"dev|{incident['id']}|a{min(a['id'] for a in fresh)}"
        _new_candidate(db, key, fac, _links(fresh, fac["category"]), counts, incident["id"])
        return
    if existing:
        cid = existing[0]["id"]
        whole = merge.facets([s for i in ids for s in arts[i]["signals"]])
        filing.attach(db, cid, _links(fresh, existing[0]["category"] or whole["category"]))
        filing.refresh(db, cid, whole)
        counts["updated"] += 1
        return
    victims = set().union(*(a["victims"] for a in fresh))
    key = candidate_key(fac, victims, min(a["day"] for a in fresh)) + (
        "" if victims else f"|a{min(ids)}"
    )
    _new_candidate(db, key, fac, _links(fresh, fac["category"]), counts)


def group_and_file(db: sqlite_utils.Database) -> dict:
    """Group every signal into candidates and file them; returns counts
    ``{"new": {category: n}, "new_total", "updated", "developments", "folded", "groups",
    "fingerprinted"}`` (``folded``: candidates filed apart earlier, now folded into another)."""
    from storage.filing import accepted_incidents
    from storage.signals import signals_for_grouping

    counts: dict = {
        "new": {},
        "updated": 0,
        "developments": 0,
        "folded": 0,
        "fingerprinted": fingerprint_pending(db),
    }
    arts = articles(signals_for_grouping(db, days=HORIZON_DAYS))
    incidents = accepted_incidents(db)
    found = groups(arts)
    for ids in found:
        _file_group(db, ids, arts, incidents, counts)
    counts["groups"] = len(found)
    counts["new"] = dict(sorted(counts["new"].items()))
    counts["new_total"] = sum(counts["new"].values())
    return counts
