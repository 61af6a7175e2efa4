"""Home and listing pages: Vestnik Stepi's ``?page=N`` sections, Talday Habar's ``/page/N/``,
the court portal's table of cases, and the newsroom's index page."""

from __future__ import annotations

from html import escape

from presswatch.newsroom.cases import case_fields
from presswatch.newsroom.content import Article
from presswatch.newsroom.outlets import (
    ALL_OUTLETS,
    OUTLETS,
    PAGE_SIZE,
    Outlet,
    article_path,
    draft_path,
    listing_path,
    mobile_path,
    tracked,
)
from presswatch.newsroom.render import kazakh_date


def page_of(items: list, page: int, size: int) -> list:
    return items[(page - 1) * size : page * size]


def pages(n: int, size: int) -> int:
    return max(1, -(-n // size))


def _vestnik_link(a: Article, i: int) -> str:
    """Every fourth lenta item points at the mobile twin; all carry utm parameters."""
    path = mobile_path(a) if i % 4 == 3 else article_path(a)
    return tracked(path, "lenta")


def vestnik(items: list[Article], page: int, section: str | None, charset_meta: str) -> str:
    size = PAGE_SIZE["vestnik-stepi"]
    rows = "".join(
        f'<div class="news-item"><span class="date">{a.published:%d.%m.%Y %H:%M}</span> '
        f'<a class="news-link" href="{escape(_vestnik_link(a, i))}">{escape(a.title)}</a></div>\n'
        for i, a in enumerate(page_of(items, page, size))
    )
    if page == 1 and section is None:
        rows += f'<div class="news-item"><a class="news-link" href="{draft_path(OUTLETS["vestnik-stepi"])}">Закрытый материал</a></div>\n'
    nav = (
        f'<a class="next" href="{escape(listing_path("vestnik-stepi", page + 1, section))}">Следующая страница</a>'
        if page < pages(len(items), size)
        else ""
    )
    prev = (
        f'<a class="prev" href="{escape(listing_path("vestnik-stepi", page - 1, section))}">Назад</a> '
        if page > 1
        else ""
    )
    title = f"Раздел «{section}»" if section else "Лента новостей"
    return (
        f"<html><head>{charset_meta}<title>{escape(title)} — Вестник Степи</title></head><body>"
        f'<div id="top"><a href="/vestnik-stepi/">Вестник Степи</a></div><h1>{escape(title)}</h1>'
        f'<div class="news-list">\n{rows}</div><div class="pager">{prev}{nav}</div></body></html>'
    )


def habar(items: list[Article], page: int) -> str:
    size = PAGE_SIZE["taldy-habar"]
    rows = "".join(
        f'<li class="zhanalyq"><a class="taqyryp" href="{article_path(a)}">{escape(a.title)}</a> '
        f'<span class="kuni">{kazakh_date(a.published)}</span></li>\n'
        for a in page_of(items, page, size)
    )
    if page == 1:
        rows += f'<li class="zhanalyq"><a class="taqyryp" href="{draft_path(OUTLETS["taldy-habar"])}">Жабық материал</a></li>\n'
    nxt = (
        f'<a class="kelesi" href="{listing_path("taldy-habar", page + 1)}">Келесі бет</a>'
        if page < pages(len(items), size)
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>Жаңалықтар | Талды Хабар</title></head>'
        f'<body><h1>Жаңалықтар</h1><ul class="tizim">\n{rows}</ul><div class="bettar">{nxt}</div></body></html>'
    )


def court(items: list[Article], page: int) -> str:
    size = PAGE_SIZE["court-portal"]
    rows = "".join(
        f'<tr><td class="date">{a.published:%d.%m.%Y}</td><td class="number">{escape(case_fields(a)["case_number"])}</td>'
        f'<td class="court">{escape(case_fields(a)["court"])}</td>'
        f'<td><a class="case-link" href="{article_path(a)}">{escape(a.title)}</a></td></tr>\n'
        for a in page_of(items, page, size)
    )
    if page == 1:
        rows += f'<tr><td></td><td></td><td></td><td><a class="case-link" href="{draft_path(OUTLETS["court-portal"])}">Закрытое производство</a></td></tr>\n'
    nxt = (
        f'<a class="next-page" href="{listing_path("court-portal", page + 1)}">Следующая</a>'
        if page < pages(len(items), size)
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Судебные акты — Судебный портал</title></head>'
        '<body><h1>Судебные акты и уведомления</h1><table class="cases"><thead><tr><th>Дата</th><th>№ дела</th>'
        f'<th>Суд</th><th>Материал</th></tr></thead><tbody>\n{rows}</tbody></table><div class="pager">{nxt}</div></body></html>'
    )


def home(o: Outlet, items: list[Article], entry_points: list[str]) -> str:
    latest = "".join(
        f'<li><a href="{article_path(a)}">{escape(a.title)}</a></li>' for a in items[:10]
    )
    entries = "".join(f'<li><a href="{escape(p)}">{escape(p)}</a></li>' for p in entry_points)
    return (
        f'<!DOCTYPE html><html lang="{o.lang}"><head><meta charset="utf-8"><title>{escape(o.name)}</title></head>'
        f"<body><h1>{escape(o.name)}</h1><p>{escape(o.structure)}</p><h2>Entry points</h2><ul>{entries}</ul>"
        f"<h2>Latest</h2><ul>{latest}</ul></body></html>"
    )


def index(counts: dict[str, int]) -> str:
    rows = "".join(
        f'<li><a href="/{slug}/">{escape(ALL_OUTLETS[slug].name)}</a> ({n} articles) — '
        f"{escape(ALL_OUTLETS[slug].structure)}</li>"
        for slug, n in counts.items()
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Presswatch demo newsroom</title></head>'
        f"<body><h1>Presswatch demo newsroom</h1><p>Fictional outlets served on loopback.</p><ul>{rows}</ul>"
        '<p><a href="/robots.txt">robots.txt</a></p></body></html>'
    )
