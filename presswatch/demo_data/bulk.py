"""A large fictional archive for the review benchmarks: N candidates over M articles.

Names, outlets and stories are invented and recombined at random (seeded, reproducible).
"""

from __future__ import annotations

import random

import sqlite_utils

from storage.articles import save_articles
from storage.seed import insert_candidates, insert_spans

PEOPLE = [
    "Айгерим Сатпаева",
    "Нурлан Есимов",
    "Дана Жумабекова",
    "Ерлан Касымов",
    "Тимур Абенов",
    "Marat Ospanov",
    "Zhanna Ibraeva",
    "Әсел Нұрғалиева",
    "Бауыржан Серіков",
    "Gulnar Tokayeva",
]
OUTLETS = [
    "Дала Хабар",
    "Степной вестник",
    "Qala Times",
    "Жаңа Өлке",
    "Altyn Media",
    "Steppe Courier",
    "Көкжиек",
    "Northern Ledger",
]
PLACES = ["Алматы", "Астана", "Шымкент", "Караганда", "Тараз", "Ақтөбе", "Pavlodar", "Oskemen"]
CATEGORIES = [
    "rights.attack",
    "rights.threat",
    "rights.detention",
    "rights.summons",
    "access.refusal",
    "access.blocking",
    "access.cyberattack",
    "legal.civil",
    "legal.administrative",
    "legal.criminal",
]
SENTENCES = {
    "ru": [
        "В городе {place} журналист {person} сообщил о давлении со стороны чиновников.",
        "Редакция «{outlet}» получила предупреждение по статье 456-2 КоАП.",
        "Суд назначил штраф 30 МРП, решение будет обжаловано.",
        "Полиция начала проверку, сроки не называются.",
    ],
    "kk": [
        "{place} қаласында {person} тілшіге қысым жасалды.",
        "«{outlet}» басылымы ақпарат сұрады, бірақ жауап алмады.",
        "Сот 50 000 000 теңге өтемақы туралы талапты қарайды.",
    ],
    "en": [
        "In {place}, reporter {person} said officials pressured the newsroom.",
        "{outlet} received a warning under Article 456-2 of the administrative code.",
        "The court imposed a fine of 30 MCI, which the outlet will appeal.",
    ],
}


def _article(rng: random.Random, i: int) -> tuple[dict, dict]:
    lang = rng.choice(["ru", "ru", "kk", "en"])
    facts = {
        "person": rng.choice(PEOPLE),
        "outlet": rng.choice(OUTLETS),
        "place": rng.choice(PLACES),
    }
    text = " ".join(
        s.format(**facts) for s in rng.sample(SENTENCES[lang], len(SENTENCES[lang])) * 2
    )
    day = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
    record = {
        "url": f"https://bulk.example/{i}",
        "outlet": facts["outlet"],
        "lang": lang,
        "title": f"{facts['person']} · {facts['outlet']} #{i}",
        "text": text,
        "published_at": f"{day}T08:00:00+05:00",
        "source": "bulk",
    }
    return record, {**facts, "day": day, "text": text}


def build_bulk(
    db: sqlite_utils.Database, *, candidates: int = 10_000, articles: int = 100_000, seed: int = 1
) -> None:
    """Fill a migrated archive; every candidate gets 1-3 of the articles."""
    rng = random.Random(seed)
    made = [_article(rng, i) for i in range(articles)]
    ids = save_articles(db, [m[0] for m in made]).ids()
    order = [ids[m[0]["url"]] for m in made]
    mentions = []
    for article_id, (_rec, facts) in zip(order, made, strict=True):
        start = facts["text"].find(facts["person"])
        if start >= 0:
            mentions.append(
                {
                    "article_id": article_id,
                    "kind": "person",
                    "text": facts["person"],
                    "norm": facts["person"],
                    "role": "journalist",
                    "start": start,
                    "end": start + len(facts["person"]),
                }
            )
    insert_spans(db, "mentions", mentions)
    batch = []
    for n in range(candidates):
        picks = rng.sample(range(articles), rng.randint(1, 3))
        first = made[picks[0]][1]
        end = first["text"].find(". ") + 1
        batch.append(
            {
                "key": f"bulk-{n}",
                "category": rng.choice(CATEGORIES),
                "confidence": round(rng.random(), 3),
                "title": made[picks[0]][0]["title"],
                "outlets": [first["outlet"]],
                "event_date": first["day"],
                "place": first["place"],
                "victims": [{"name": first["person"], "kind": "person", "role": "journalist"}],
                "evidence": [
                    {
                        "article_id": order[picks[0]],
                        "sentence": first["text"][:end],
                        "start": 0,
                        "end": end,
                    }
                ],
                "cues": ["456-2"],
                "case_status": "reported",
                "perpetrator": "unknown",
                "article_ids": [order[p] for p in picks],
            }
        )
        if len(batch) == 1000:
            insert_candidates(db, batch)
            batch = []
    if batch:
        insert_candidates(db, batch)
