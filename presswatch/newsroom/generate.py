"""``bulk-news``: N synthetic articles generated on demand for benchmarks (5,000 / 10,000).

Article ``n`` is a pure function of ``n`` (seeded by it): language rotates en / ru / kk,
every tenth is incident-like. Nothing is stored; pages are rendered when asked for.
Entry points: ``/bulk-news/sitemap.xml`` (index of 1,000-URL sitemaps), ``/bulk-news/feed.xml``
(newest 200), ``/bulk-news/list?page=N`` (100 links per page, ``a.next``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape

from presswatch.newsroom import feeds
from presswatch.newsroom.feeds import Item
from presswatch.newsroom.responses import Request, Response, conditional, html, not_found, xml

T0 = datetime(2026, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=5)))
SITEMAP_SIZE, FEED_SIZE, LIST_SIZE = 1000, 200, 100
LANGS = ("en", "ru", "kk")
WORDS = {
    "en": {
        "who": [
            "The city council",
            "A local school",
            "The regional akimat",
            "Farmers",
            "A bus company",
            "The fictional Steppe Theatre",
            "A hospital in Akbulak",
            "Volunteers",
        ],
        "did": [
            "announced a new plan for",
            "reported progress on",
            "asked residents about",
            "opened",
            "postponed",
            "discussed funding for",
        ],
        "what": [
            "road repairs",
            "a winter festival",
            "water supply",
            "a new library",
            "bus routes",
            "school meals",
            "a football stadium",
            "park lighting",
        ],
        "incident": [
            "Police detained a journalist of the fictional Karasu Times while filming {what}.",
            "The website of a fictional newspaper went offline after a DDoS attack during coverage of {what}.",
            "A blogger was fined under article 456-2 of the Code of Administrative Offences over posts about {what}.",
        ],
        "filler": [
            "Officials said details would follow.",
            "Residents welcomed the news.",
            "The work is expected to take several months.",
            "The budget was approved last spring.",
        ],
    },
    "ru": {
        "who": [
            "Городской маслихат",
            "Районная школа",
            "Акимат области",
            "Фермеры",
            "Автобусный парк",
            "Вымышленный театр «Степь»",
            "Больница Акбулака",
            "Волонтёры",
        ],
        "did": [
            "объявили о плане",
            "сообщили о ходе работ:",
            "обсудили финансирование:",
            "открыли",
            "перенесли",
        ],
        "what": [
            "ремонт дорог",
            "зимний фестиваль",
            "водоснабжение",
            "новую библиотеку",
            "автобусные маршруты",
            "школьное питание",
            "освещение парка",
        ],
        "incident": [
            "Полиция задержала журналиста вымышленной газеты «Карасу» во время съёмки: {what}.",
            "Сайт вымышленного издания перестал открываться после DDoS-атаки; тема — {what}.",
            "Блогера оштрафовали по статье 456-2 КоАП РК за публикации, тема — {what}.",
        ],
        "filler": [
            "Подробности обещали сообщить позже.",
            "Жители поддержали решение.",
            "Работы займут несколько месяцев.",
            "Бюджет утвердили весной.",
        ],
    },
    "kk": {
        "who": [
            "Қалалық мәслихат",
            "Аудандық мектеп",
            "Облыс әкімдігі",
            "Фермерлер",
            "Автобус паркі",
            "Ойдан шығарылған «Дала» театры",
            "Ақбұлақ ауруханасы",
            "Еріктілер",
        ],
        "did": [
            "жоспарын жариялады:",
            "жұмыс барысын хабарлады:",
            "қаржыландыруды талқылады:",
            "ашты:",
        ],
        "what": [
            "жол жөндеу",
            "қысқы фестиваль",
            "сумен жабдықтау",
            "жаңа кітапхана",
            "автобус бағыттары",
            "мектептегі тамақтану",
        ],
        "incident": [
            "Полиция ойдан шығарылған «Қарасу» газетінің журналисін ұстады, тақырып: {what}.",
            "Ойдан шығарылған басылымның сайты DDoS-шабуылдан кейін ашылмай қалды: {what}.",
        ],
        "filler": [
            "Толығырақ кейін хабарланады.",
            "Тұрғындар шешімді қолдады.",
            "Жұмыс бірнеше айға созылады.",
            "Бюджет көктемде бекітілді.",
        ],
    },
}


@dataclass(frozen=True)
class BulkArticle:
    n: int
    lang: str
    title: str
    published: datetime
    paragraphs: tuple[str, ...]
    incident: bool

    @property
    def path(self) -> str:
        return f"/bulk-news/a/{self.n}"


def published(n: int) -> datetime:
    return T0 + timedelta(minutes=37 * n)


def bulk_article(n: int) -> BulkArticle:
    rng, lang = random.Random(n), LANGS[n % 3]
    w = WORDS[lang]
    what = rng.choice(w["what"])
    title = f"{rng.choice(w['who'])} {rng.choice(w['did'])} {what} (№{n})"
    paras = [
        " ".join(rng.choice(w["filler"]) for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(4, 7))
    ]
    incident = n % 10 == 7
    if incident:
        paras.insert(0, rng.choice(w["incident"]).format(what=what))
    paras.insert(0, f"{title}. " + rng.choice(w["filler"]))
    return BulkArticle(n, lang, title, published(n), tuple(paras), incident)


def render(a: BulkArticle) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{a.lang}"><head><meta charset="utf-8"><title>{escape(a.title)} | Bulk News</title>'
        f'<meta property="article:published_time" content="{a.published.isoformat()}"></head>'
        '<body><header><a href="/bulk-news/">Bulk News</a> · <a href="/bulk-news/list">All news</a></header>'
        f'<article><h1>{escape(a.title)}</h1><time datetime="{a.published.isoformat()}">{a.published:%Y-%m-%d %H:%M}</time>'
        f'<p class="author">Bulk Desk</p><div class="body">\n{body}\n</div></article>'
        "<footer>Bulk News is generated for benchmarks.</footer></body></html>"
    )


class Bulk:
    def __init__(self, n: int):
        self.n = n

    def _item(self, base: str, i: int) -> Item:
        a = bulk_article(i)
        return Item(
            a.title, base + a.path, a.published, a.paragraphs[0][:200], ("Bulk Desk",), str(i)
        )

    def handle(self, req: Request) -> Response:
        p, b = req.path, req.base
        last = bulk_article(self.n - 1).published
        if p.startswith("/bulk-news/a/"):
            n = p.rsplit("/", 1)[1]
            return (
                html(render(bulk_article(int(n))))
                if n.isdigit() and int(n) < self.n
                else not_found()
            )
        if p == "/bulk-news/sitemap.xml":
            locs: list[tuple[str, datetime | None]] = [
                (f"{b}/bulk-news/sitemap-{k}.xml", None) for k in range(-(-self.n // SITEMAP_SIZE))
            ]
            return conditional(req, xml(feeds.sitemap_index(locs)), last)
        if p.startswith("/bulk-news/sitemap-") and p.endswith(".xml"):
            k = p[len("/bulk-news/sitemap-") : -4]
            if not k.isdigit():
                return not_found()
            per = int(req.query["per"]) if req.query.get("per", "").isdigit() else SITEMAP_SIZE
            ns = range(int(k) * per, min(self.n, (int(k) + 1) * per))
            return conditional(
                req, xml(feeds.urlset([(b + f"/bulk-news/a/{i}", published(i)) for i in ns])), last
            )
        if p == "/bulk-news/feed.xml":
            items = [
                self._item(b, i) for i in range(self.n - 1, max(-1, self.n - 1 - FEED_SIZE), -1)
            ]
            return conditional(
                req, xml(feeds.rss2("Bulk News", b + "/bulk-news/", items, "en")), last
            )
        if p in ("/bulk-news/list", "/bulk-news/"):
            page = int(req.query["page"]) if req.query.get("page", "").isdigit() else 1
            return html(self.listing(page))
        return not_found()

    def listing(self, page: int) -> str:
        top = self.n - 1 - (page - 1) * LIST_SIZE
        rows = "".join(
            f'<li><a class="item" href="/bulk-news/a/{i}">{escape(bulk_article(i).title)}</a></li>'
            for i in range(top, max(-1, top - LIST_SIZE), -1)
        )
        nxt = (
            f'<a class="next" href="/bulk-news/list?page={page + 1}">Next</a>'
            if top - LIST_SIZE >= 0
            else ""
        )
        return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bulk News</title></head><body><ul>{rows}</ul>{nxt}</body></html>'
