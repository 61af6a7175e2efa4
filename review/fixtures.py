"""A fictional archive for the review app's tests, demo and benchmarks.

Every person and outlet here is invented. Some articles carry hostile payloads
(``<script>``, ``onerror``) in their title, text and outlet, and one stored raw page is hostile
HTML: the app must show them as inert text. ``build_bulk`` makes the benchmark's
10,000 candidates over 100,000 articles.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from storage.archive import connect
from storage.articles import save_articles
from storage.migrations import migrate
from storage.pages import save_page
from storage.seed import insert_candidates, insert_spans
from storage.triage import accept

SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(1)>"
HOSTILE_PAGE = (
    b"<html><head><script>window.pwned=1;alert('page')</script></head><body "
    b"onload=\"alert('load')\"><h1>Detained reporter</h1><p onclick=\"alert(2)\">Text of the "
    b"article.</p><img src=x onerror=\"alert(3)\"><iframe src=\"javascript:alert(4)\"></iframe>"
    b"<a href=\"javascript:alert(5)\">link</a></body></html>"
)

# (key, category, confidence, lang, outlet, date, title, text, people, refs, amounts, extra)
STORIES = [
    ("attack-satpayeva", "rights.attack", 0.94, "ru", "Дала Хабар", "2026-11-03",
     "В Алматы напали на журналиста «Дала Хабар»",
     "Вечером 2 ноября в Алматы неизвестные напали на журналиста Айгерим Сатпаеву. "
     "Она снимала сюжет о сносе домов. Полиция возбудила дело по статье 158 УК.",
     [("Айгерим Сатпаеву", "Айгерим Сатпаева", "journalist")], [("статье 158 УК", "CC", "158", None)],
     [], {"place": "Алматы", "perpetrator": "unknown", "case_status": "investigation"}),
    ("fine-esimov", "legal.administrative", 0.91, "ru", "Степной вестник", "2026-11-05",
     "Редактора оштрафовали по статье 456-2 КоАП",
     "Суд Астаны оштрафовал редактора «Степного вестника» Нурлана Есимова на 30 МРП. "
     "Основанием стала часть 3 статьи 456-2 КоАП о распространении ложной информации.",
     [("Нурлана Есимова", "Нурлан Есимов", "editor")], [("часть 3 статьи 456-2 КоАП", "CAO", "456-2", "3")],
     [("30 МРП", 30, "MCI", 110760, "fine")],
     {"place": "Астана", "perpetrator": "state:court", "case_status": "decision"}),
    ("lawsuit-zhumabekova", "legal.civil", 0.88, "kk", "Жаңа Өлке", "2026-11-07",
     "Тілшіге қарсы ар-намыс туралы талап арыз",
     "Шымкент қалалық соты «Жаңа Өлке» тілшісі Дана Жұмабековаға қарсы талап арызды қабылдады. "
     "Талапкер 50 000 000 теңге өтемақы сұрап отыр.",
     [("Дана Жұмабековаға", "Дана Жұмабекова", "journalist")], [],
     [("50 000 000 теңге", 50_000_000, "KZT", 50_000_000, "claimed")],
     {"place": "Шымкент", "perpetrator": "non-state", "case_status": "court"}),
    ("ddos-qala", "access.cyberattack", 0.86, "en", "Qala Times", "2026-11-08",
     "Qala Times hit by DDoS attack after corruption story",
     "The website of Qala Times was offline for six hours after a DDoS attack. "
     "Editor Marat Ospanov said the attack began minutes after the corruption story went live.",
     [("Marat Ospanov", "Marat Ospanov", "editor")], [], [],
     {"place": "Karaganda", "perpetrator": "unknown", "case_status": "reported"}),
    ("detention-hostile", "rights.detention", 0.83, "ru", f"{ONERROR}Медиа", "2026-11-09",
     f"{SCRIPT} Задержан оператор в Караганде",
     f"В Караганде полиция задержала оператора Ерлана Касымова {ONERROR} во время съёмки митинга. "
     f"Его отпустили через три часа {SCRIPT} без составления протокола.",
     [("Ерлана Касымова", "Ерлан Касымов", "camera_operator")], [], [],
     {"place": "Караганда", "perpetrator": "state:police", "case_status": "reported"}),
    ("refusal-olke", "access.refusal", 0.74, "kk", "Жаңа Өлке", "2026-11-10",
     "Әкімдік журналиске ақпарат беруден бас тартты",
     "Тараз қаласының әкімдігі «Жаңа Өлке» журналисі Әсел Нұрғалиеваға бюджет туралы "
     "ақпарат беруден бас тартты. Сұраныс бір ай бұрын жіберілген.",
     [("Әсел Нұрғалиеваға", "Әсел Нұрғалиева", "journalist")], [], [],
     {"place": "Тараз", "perpetrator": "state:official", "case_status": "reported"}),
    ("threat-dala", "rights.threat", 0.71, "ru", "Дала Хабар", "2026-11-11",
     "Блогеру угрожают после публикации",
     "Блогер Тимур Абенов сообщил, что после публикации о застройке парка ему пишут угрозы. "
     "Он обратился в полицию Алматы.",
     [("Тимур Абенов", "Тимур Абенов", "blogger")], [], [],
     {"place": "Алматы", "perpetrator": "unknown", "case_status": "reported"}),
    ("summons-ospanov", "rights.summons", 0.66, "en", "Qala Times", "2026-11-12",
     "Qala Times editor summoned by prosecutors",
     "Prosecutors in Karaganda summoned Qala Times editor Marat Ospanov for questioning "
     "about his sources for the corruption story.",
     [("Marat Ospanov", "Marat Ospanov", "editor")], [], [],
     {"place": "Karaganda", "perpetrator": "state:prosecutor", "case_status": "reported"}),
    ("blocking-altyn", "access.blocking", 0.62, "ru", "Altyn Media", "2026-11-13",
     "Сайт Altyn Media заблокирован",
     "Сайт Altyn Media недоступен без VPN с 12 ноября. Редакция получила уведомление "
     "от министерства о блокировке.",
     [], [], [], {"place": "Астана", "perpetrator": "state:regulator", "case_status": "reported"}),
    ("court-kasymov", "legal.criminal", 0.6, "ru", "Степной вестник", "2026-11-14",
     "Дело Ерлана Касымова передано в суд",
     "Уголовное дело против оператора Ерлана Касымова по статье 274 УК передано в суд. "
     "Первое заседание назначено на 20 ноября.",
     [("Ерлана Касымова", "Ерлан Касымов", "camera_operator")], [("статье 274 УК", "CC", "274", None)],
     [], {"place": "Караганда", "perpetrator": "state:prosecutor", "case_status": "court"}),
    ("obstruction-kk", "rights.obstruction", 0.57, "kk", "Жаңа Өлке", "2026-11-15",
     "Тілшіге сотқа кіруге тыйым салынды",
     "Ақтөбе облыстық сотының приставы тілші Бауыржан Серіковке сот залына кіруге рұқсат бермеді. "
     "Бұл ҚК-нің 158-бабын бұзу деп бағаланды.",
     [("Бауыржан Серіковке", "Бауыржан Серіков", "journalist")], [("158-бабын", "CC", "158", None)],
     [], {"place": "Ақтөбе", "perpetrator": "state:court", "case_status": "reported"}),
    ("insult-en", "rights.insult", 0.41, "en", "Steppe Courier", "2026-11-16",
     "Official calls reporter a liar on air",
     "A regional official called Steppe Courier reporter Zhanna Ibraeva a liar on a live broadcast "
     "and demanded the outlet retract her story.",
     [("Zhanna Ibraeva", "Zhanna Ibraeva", "journalist")], [], [],
     {"place": "Pavlodar", "perpetrator": "state:official", "case_status": "reported"}),
]
SECOND_SOURCES = {  # an extra article for some stories, in another language
    "attack-satpayeva": ("en", "Qala Times", "2026-11-03", "Reporter attacked in Almaty",
                         "Unknown assailants attacked Dala Khabar reporter Aigerim Satpayeva in Almaty "
                         "while she was filming demolitions."),
    "fine-esimov": ("kk", "Жаңа Өлке", "2026-11-06", "Редакторға айыппұл салынды",
                    "Астана соты «Степной вестник» редакторы Нұрлан Есімовке 30 АЕК айыппұл салды."),
}
PRIOR = {"arrest-kasymov": ("legal.criminal", "Возбуждено дело против оператора Ерлана Касымова",
                            "2026-10-20", "Караганда")}


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
            out["mentions"].append({"article_id": article_id, "kind": "person", "text": surface,
                                    "norm": norm, "role": role, "start": start,
                                    "end": start + len(surface)})
    for surface, code, article, part in refs:
        start = _find(text, surface)
        if start >= 0:
            out["legal_refs"].append({"article_id": article_id, "text": surface, "code": code,
                                      "article": article, "part": part, "start": start,
                                      "end": start + len(surface)})
    for surface, value, unit, kzt, kind in amounts:
        start = _find(text, surface)
        if start >= 0:
            out["amounts"].append({"article_id": article_id, "text": surface, "value": value,
                                   "unit": unit, "kzt": kzt, "kind": kind, "start": start,
                                   "end": start + len(surface)})
    return out


def _evidence(article_id: int, text: str) -> list[dict]:
    end = text.find(". ") + 1 or len(text)
    return [{"article_id": article_id, "sentence": text[:end], "start": 0, "end": end}]


def _candidate(story: tuple, article_ids: list[int], text: str) -> dict:
    key, category, confidence, _lang, outlet, date, title, _t, people, refs, amounts, extra = story
    return {
        "key": key, "category": category, "confidence": confidence, "title": title,
        "summary": text.split(". ")[0], "outlets": [outlet], "event_date": date,
        "victims": [{"name": n, "kind": "person", "role": r} for _s, n, r in people]
        + [{"name": outlet, "kind": "outlet", "role": None}],
        "legal_refs": [{"code": c, "article": a, "part": p} for _s, c, a, p in refs],
        "amounts": [{"value": v, "unit": u, "kzt": k, "kind": kd} for _s, v, u, k, kd in amounts],
        "evidence": _evidence(article_ids[0], text), "cues": [category.split(".")[1]]
        + [s for s, *_ in refs], "article_ids": article_ids, **extra,
    }


def build_demo(db: sqlite_utils.Database) -> dict[str, int]:
    """Fill a migrated archive with the fictional stories; returns ``{candidate key: id}``."""
    prior_keys, prior_incident = _prior_incident(db)
    page_id = save_page(db, url="https://hostile.example/detained", body=HOSTILE_PAGE, status=200,
                        headers={"content-type": "text/html"}, source="fixture")
    records = []
    for story in STORIES:
        key, _c, _f, lang, outlet, date, title, text, *_ = story
        records.append({"url": f"https://news.example/{key}", "outlet": outlet, "lang": lang,
                        "title": title, "text": text, "published_at": f"{date}T09:00:00+05:00",
                        "source": "fixture", "page_id": page_id if "hostile" in key else None})
        if key in SECOND_SOURCES:
            lang2, outlet2, date2, title2, text2 = SECOND_SOURCES[key]
            records.append({"url": f"https://news.example/{key}-2", "outlet": outlet2, "lang": lang2,
                            "title": title2, "text": text2, "source": "fixture",
                            "published_at": f"{date2}T12:00:00+05:00"})
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
    ids = save_articles(db, [{"url": "https://news.example/arrest-kasymov", "outlet": "Дала Хабар",
                              "lang": "ru", "title": title, "text": text, "source": "fixture",
                              "published_at": f"{date}T10:00:00+05:00"}]).ids()
    article_id = next(iter(ids.values()))
    cand = {"key": "arrest-kasymov", "category": category, "confidence": 0.9, "title": title,
            "outlets": ["Дала Хабар"], "event_date": date, "place": place,
            "victims": [{"name": "Ерлан Касымов", "kind": "person", "role": "camera_operator"}],
            "legal_refs": [{"code": "CC", "article": "274", "part": None}],
            "case_status": "investigation", "evidence": _evidence(article_id, text),
            "cues": ["статье 274 УК"], "article_ids": [article_id]}
    keys = insert_candidates(db, [cand])
    return keys, accept(db, keys["arrest-kasymov"], reviewer="archive", version=1)


def build_demo_archive(path: Path | str) -> dict[str, int]:
    """Create (or reuse) an archive at ``path`` and fill it with the demo stories."""
    db = connect(path)
    migrate(db)
    return build_demo(db)
