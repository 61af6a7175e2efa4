"""Article pages of the demo newsroom: each outlet with its own markup and boilerplate.

``render_article(article, base, variant)`` returns the page as text; the site encodes it.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape

from presswatch.newsroom.cases import case_fields
from presswatch.newsroom.content import Article
from presswatch.newsroom.outlets import OUTLETS, amp_path, article_path, mobile_path

RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
COMMENTS = (
    ("steppe_reader", "Thanks for keeping track of this."),
    ("A. Reader", "Will there be a follow-up when the court decides?"),
)


def kazakh_date(d: datetime) -> str:
    """``2026 жылғы 3 қараша, 09:30`` — how Talday Habar writes dates."""
    return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}, {d:%H:%M}"


def russian_date(d: datetime) -> str:
    return f"{d.day} {RU_MONTHS[d.month - 1]} {d.year}, {d:%H:%M}"


def paras(a: Article) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)


def links(items: list[tuple[str, str]], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f'<li><a{attr} href="{escape(h)}">{escape(t)}</a></li>' for h, t in items)


def _steppe(a: Article, base: str, related: list[Article]) -> str:
    url = base + article_path(a)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published.isoformat(),
        "inLanguage": a.lang,
        "mainEntityOfPage": url,
        "author": [{"@type": "Person", "name": n} for n in a.authors],
        "publisher": {"@type": "Organization", "name": "Steppe Herald"},
    }
    nav = links(
        [(f"/steppe-herald/{s}/", s.title()) for s in ("media", "politics", "economy", "law")]
    )
    rel = links([(article_path(r), r.title) for r in related])
    comments = "".join(
        f'<div class="comment"><p class="comment-author">{escape(n)}</p><p>{escape(t)}</p></div>'
        for n, t in COMMENTS
    )
    by = ", ".join(f'<span class="author" rel="author">{escape(n)}</span>' for n in a.authors)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(a.title)} | Steppe Herald</title>
<link rel="canonical" href="{escape(url)}">
<meta property="og:type" content="article"><meta property="og:site_name" content="Steppe Herald">
<meta property="og:title" content="{escape(a.title)}"><meta property="og:url" content="{escape(url)}">
<meta property="article:published_time" content="{a.published.isoformat()}">
<meta property="article:section" content="{escape(a.section)}">
{"".join(f'<meta name="author" content="{escape(n)}">' for n in a.authors)}
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head>
<body><header class="site-header"><a class="logo" href="/steppe-herald/">Steppe Herald</a>
<nav class="main-nav"><ul>{nav}</ul></nav><div class="subscribe">Subscribe to our newsletter</div></header>
<main><article class="story"><h1 class="headline">{escape(a.title)}</h1>
<p class="byline">By {by or "Staff reporter"} · <time datetime="{a.published.isoformat()}">{a.published:%B %-d, %Y %H:%M}</time></p>
<div class="story-body">
{paras(a)}
</div></article>
<aside class="related"><h2>Related stories</h2><ul>{rel}</ul></aside>
<section class="comments"><h2>Comments ({len(COMMENTS)})</h2>{comments}</section></main>
<footer class="site-footer"><p>© 2026 Steppe Herald, a fictional newspaper.</p>
<ul><li><a href="/steppe-herald/about">About</a></li><li><a href="/steppe-herald/contact">Contact</a></li></ul></footer>
</body></html>"""


def _vestnik(a: Article, base: str, related: list[Article], mobile: bool, meta: str) -> str:
    from presswatch.newsroom.outlets import tracked

    canonical = base + article_path(a)
    alt = (
        ""
        if mobile
        else f'<link rel="alternate" media="only screen and (max-width: 640px)" href="{escape(base + mobile_path(a))}">'
    )
    also = links([(tracked(article_path(r), "related"), r.title) for r in related])
    who = ", ".join(a.authors)
    head = f"""<html><head>{meta}<title>{escape(a.title)} — Вестник Степи</title>
<link rel="canonical" href="{escape(canonical)}">{alt}</head>"""
    if mobile:
        return (
            head
            + f"""<body class="mobile"><div class="m-head">Вестник Степи</div>
<h1 class="title">{escape(a.title)}</h1><div class="date">{a.published:%d.%m.%Y %H:%M}</div>
<div class="text">{paras(a)}</div><a href="{escape(article_path(a))}">Полная версия</a></body></html>"""
        )
    return (
        head
        + f"""<body><div id="top"><a href="/vestnik-stepi/">Вестник Степи</a> | <a href="/vestnik-stepi/lenta">Лента</a>
| <a href="/vestnik-stepi/razdel/{escape(a.section)}">Раздел</a></div>
<div class="content"><h1 class="title">{escape(a.title)}</h1>
<div class="meta"><span class="date">{a.published:%d.%m.%Y %H:%M}</span>{f' <span class="author">Автор: {escape(who)}</span>' if who else ""}</div>
<div class="text">
{paras(a)}
</div><div class="m-link"><a href="{escape(mobile_path(a))}">Мобильная версия</a></div></div>
<div class="sidebar"><b>Читайте также:</b><ul>{also}</ul></div>
<div id="bottom">© «Вестник Степи». Перепечатка материалов — только с согласия редакции.</div></body></html>"""
    )


def _pulse(a: Article, base: str, related: list[Article], amp: bool) -> str:
    canonical = base + article_path(a)
    who = ", ".join(a.authors)
    amp_head = (
        (
            '<script async src="https://cdn.ampproject.org/v0.js"></script>'
            "<style amp-boilerplate>body{visibility:hidden}</style>"
        )
        if amp
        else f'<link rel="amphtml" href="{escape(base + amp_path(a))}">'
    )
    more = (
        ""
        if amp
        else f'<div class="more"><h3>Ещё новости</h3><ul>{links([(article_path(r), r.title) for r in related])}</ul></div>'
    )
    return f"""<!doctype html>
<html {"amp " if amp else ""}lang="ru"><head><meta charset="utf-8"><title>{escape(a.title)} — Алматинский пульс</title>
<link rel="canonical" href="{escape(canonical)}">{amp_head}
<meta property="article:published_time" content="{a.published.isoformat()}"></head>
<body><header class="top"><a href="/almaty-pulse/">Алматинский пульс</a></header>
<div class="post"><h1 class="post-title">{escape(a.title)}</h1>
<div class="post-meta"><time class="published" datetime="{a.published.isoformat()}">{russian_date(a.published)}</time>
{f'<span class="post-author">{escape(who)}</span>' if who else ""}</div>
<div class="post-content">
{paras(a)}
</div></div>{more}
<footer>Алматинский пульс — вымышленное издание.</footer></body></html>"""


def _habar(a: Article, related: list[Article]) -> str:
    who = ", ".join(a.authors)
    return f"""<!DOCTYPE html>
<html lang="kk"><head><meta charset="utf-8"><title>{escape(a.title)} | Талды Хабар</title></head>
<body><div class="bas"><a href="/taldy-habar/">Талды Хабар</a> · <a href="/taldy-habar/zhanalyqtar/">Жаңалықтар</a></div>
<div class="material"><h1>{escape(a.title)}</h1><div class="kuni">{kazakh_date(a.published)}</div>
{f'<div class="avtor">Авторы: {escape(who)}</div>' if who else ""}
<div class="material-body">
{paras(a)}
</div></div>
<div class="baska"><h3>Басқа жаңалықтар</h3><ul>{links([(article_path(r), r.title) for r in related])}</ul></div>
<div class="ayaq">© Талды Хабар</div></body></html>"""


def _court(a: Article) -> str:
    f = case_fields(a)
    parties = "".join(f"<li>{escape(p)}</li>" for p in f["parties"]) or "<li>—</li>"
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{escape(a.title)} — Судебный портал</title></head>
<body><div class="portal-head"><a href="/court-portal/">Судебный портал</a> › <a href="/court-portal/cases">Судебные акты</a></div>
<div class="case-card"><h1 class="case-title">{escape(a.title)}</h1>
<dl class="case">
<dt>Суд</dt><dd class="court">{escape(f["court"])}</dd>
<dt>Номер дела</dt><dd class="case-number">{escape(f["case_number"])}</dd>
<dt>Дата</dt><dd class="date"><time datetime="{f["date"]}">{a.published:%d.%m.%Y}</time></dd>
<dt>Категория</dt><dd class="category">{escape(a.section)}</dd>
<dt>Стороны</dt><dd class="parties"><ul>{parties}</ul></dd>
<dt>Статья</dt><dd class="article">{escape(f["article"])}</dd>
<dt>Решение</dt><dd class="decision">{escape(f["decision"])}</dd>
</dl>
<div class="decision-text">
{paras(a)}
</div></div><div class="portal-foot">Судебный портал — вымышленный ресурс.</div></body></html>"""


def render_article(
    a: Article, base: str, related: list[Article], variant: bool = False, meta: str = ""
) -> str:
    """The page of an article; ``variant`` asks for the mobile or AMP twin."""
    match a.outlet:
        case "steppe-herald":
            return _steppe(a, base, related)
        case "vestnik-stepi":
            return _vestnik(a, base, related, variant, meta)
        case "almaty-pulse":
            return _pulse(a, base, related, variant)
        case "taldy-habar":
            return _habar(a, related)
        case "court-portal":
            return _court(a)
    raise ValueError(f"unknown outlet {a.outlet!r}")


def draft_page(outlet_slug: str) -> str:
    name = OUTLETS[outlet_slug].name if outlet_slug in OUTLETS else outlet_slug
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Embargoed draft — {escape(name)}</title></head>'
        "<body><article><h1>Embargoed draft: not for crawling</h1><p>This page sits under a path that "
        "robots.txt disallows. A polite crawler never fetches it.</p></article></body></html>"
    )
