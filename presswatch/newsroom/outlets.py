"""The demo newsroom's fictional outlets: names, languages, encodings and URL structure.

Every outlet lives under a path prefix of the one loopback server (``/<slug>/…``); the
functions here are the single place that knows each outlet's URL scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from presswatch.newsroom.content import Article


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    lang: str
    charset: str
    structure: str
    disallow: str  # path prefix (under the outlet) forbidden by robots.txt

    @property
    def prefix(self) -> str:
        return f"/{self.slug}/"

    @property
    def disallowed(self) -> str:
        return f"{self.prefix}{self.disallow}/"


OUTLETS: dict[str, Outlet] = {
    o.slug: o
    for o in (
        Outlet(
            "steppe-herald",
            "Steppe Herald",
            "en",
            "utf-8",
            "RSS 2.0 feed; article pages with <article>, OpenGraph and JSON-LD",
            "drafts",
        ),
        Outlet(
            "vestnik-stepi",
            "Вестник Степи",
            "ru",
            "windows-1251",
            "windows-1251; paginated section listings; RSS 0.91 and RSS 1.0 feeds; utm links; mobile variant",
            "private",
        ),
        Outlet(
            "almaty-pulse",
            "Алматинский пульс",
            "ru",
            "utf-8",
            "Atom feed; sitemap index with a news sitemap; AMP variants",
            "preview",
        ),
        Outlet(
            "taldy-habar",
            "Талды Хабар",
            "kk",
            "utf-8",
            "plain sitemap; listing pages paginated by path; dates written in Kazakh",
            "jabyq",
        ),
        Outlet(
            "court-portal",
            "Судебный портал",
            "ru",
            "utf-8",
            "paginated table of case notices; case pages with a <dl> of structured fields",
            "sealed",
        ),
    )
}

FAULT_OUTLET = Outlet(
    "faulty-wire",
    "Faulty Wire",
    "en",
    "utf-8",
    "RSS 2.0 feed whose entries lead to faults",
    "private",
)
BULK_OUTLET = Outlet(
    "bulk-news",
    "Bulk News",
    "en",
    "utf-8",
    "generated articles: RSS feed, sitemap index, paginated listing",
    "private",
)
ALL_OUTLETS: dict[str, Outlet] = {
    **OUTLETS,
    FAULT_OUTLET.slug: FAULT_OUTLET,
    BULK_OUTLET.slug: BULK_OUTLET,
}

PAGE_SIZE = {"vestnik-stepi": 10, "taldy-habar": 8, "court-portal": 5}


def article_path(a: Article) -> str:
    """The canonical path of an article on its outlet."""
    d = a.published
    match a.outlet:
        case "steppe-herald":
            return f"/steppe-herald/{a.section}/{d:%Y/%m/%d}/{a.id}"
        case "vestnik-stepi":
            return f"/vestnik-stepi/news/{a.id}.html"
        case "almaty-pulse":
            return f"/almaty-pulse/{d:%Y/%m}/{a.id}/"
        case "taldy-habar":
            return f"/taldy-habar/material/{a.id}"
        case "court-portal":
            return f"/court-portal/case/{a.id}"
    raise ValueError(f"unknown outlet {a.outlet!r}")


def variant_path(a: Article) -> str | None:
    """The non-canonical twin of an article (mobile or AMP), if its outlet has one."""
    if a.outlet == "vestnik-stepi":
        return mobile_path(a)
    if a.outlet == "almaty-pulse":
        return amp_path(a)
    return None


def mobile_path(a: Article) -> str:
    """Vestnik Stepi's mobile twin (an ``m.``-style variant with rel=canonical)."""
    return f"/vestnik-stepi/m/news/{a.id}.html"


def amp_path(a: Article) -> str:
    """Almaty Pulse's AMP twin (``…/amp/`` with rel=canonical)."""
    return article_path(a) + "amp/"


def tracked(path: str, medium: str) -> str:
    """A link as Vestnik Stepi prints it: with utm tracking parameters."""
    return f"{path}?utm_source=vestnik&utm_medium={medium}&utm_campaign=lenta"


def listing_path(slug: str, page: int, section: str | None = None) -> str:
    if slug == "vestnik-stepi":
        base = f"/vestnik-stepi/razdel/{section}" if section else "/vestnik-stepi/lenta"
        return base if page == 1 else f"{base}?page={page}"
    if slug == "taldy-habar":
        return (
            "/taldy-habar/zhanalyqtar/" if page == 1 else f"/taldy-habar/zhanalyqtar/page/{page}/"
        )
    if slug == "court-portal":
        return "/court-portal/cases" if page == 1 else f"/court-portal/cases?page={page}"
    raise ValueError(f"{slug} has no listing pages")


def draft_path(o: Outlet) -> str:
    """The one article each outlet links to under its robots-disallowed prefix."""
    return f"{o.disallowed}embargoed-story"
