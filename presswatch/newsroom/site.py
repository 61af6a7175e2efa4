"""The newsroom as one request handler: ``Site.handle(Request) -> Response``.

Routes by path prefix (``/<outlet>/…``) to each outlet's structure; the fault outlet and
the generated outlet have their own modules. No sockets here: ``server.py`` serves it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from presswatch.newsroom import feeds, listings
from presswatch.newsroom.content import Article, default_articles
from presswatch.newsroom.faults import T0 as FAULT_T0
from presswatch.newsroom.faults import Faults
from presswatch.newsroom.feeds import Item
from presswatch.newsroom.generate import Bulk
from presswatch.newsroom.outlets import (
    ALL_OUTLETS,
    OUTLETS,
    amp_path,
    article_path,
    draft_path,
    variant_path,
)
from presswatch.newsroom.render import draft_page, render_article
from presswatch.newsroom.responses import (
    Request,
    Response,
    conditional,
    html,
    not_found,
    redirect,
    text,
    xml,
)
from presswatch.newsroom.telegram import Telegram

CP1251 = "windows-1251"
NEWS_SITEMAP_SIZE = (
    10  # newest Almaty Pulse articles in the news sitemap; the rest in the archive one
)
META_1251 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'


def charset_mode(index: int) -> str:
    """How Vestnik Stepi declares the charset of its ``index``-th article (oldest first):
    ``wrong`` (meta says utf-8, header says nothing) for the first, then ``header`` (HTTP
    header only) for odd and ``meta`` (meta tag and header) for even indexes."""
    if index == 0:
        return "wrong"
    return "header" if index % 2 else "meta"


def robots_txt(slugs: Iterable[str]) -> str:
    rules = "".join(f"Disallow: {ALL_OUTLETS[s].disallowed}\n" for s in slugs)
    return f"# Presswatch demo newsroom\nUser-agent: *\n{rules}"


class Site:
    def __init__(
        self, articles: Iterable[Article] | None = None, generated: int = 0, faults: bool = True
    ):
        self.articles = list(default_articles() if articles is None else articles)
        self.newest = {
            slug: sorted(
                (a for a in self.articles if a.outlet == slug),
                key=lambda a: (a.published, a.id),
                reverse=True,
            )
            for slug in OUTLETS
        }
        self.by_path = {article_path(a): a for a in self.articles}
        self.variants = {variant_path(a): a for a in self.articles if variant_path(a)}
        oldest = list(reversed(self.newest["vestnik-stepi"]))
        self.charsets = {a.id: charset_mode(i) for i, a in enumerate(oldest)}
        self.faults = Faults() if faults else None
        self.bulk = Bulk(generated) if generated else None
        self.telegram = Telegram()
        self.routes: dict[str, Callable[[Request], Response | None]] = {
            "steppe-herald": self._steppe,
            "vestnik-stepi": self._vestnik,
            "almaty-pulse": self._pulse,
            "taldy-habar": self._habar,
            "court-portal": self._court,
        }

    def slugs(self) -> list[str]:
        return (
            list(OUTLETS)
            + (["faulty-wire"] if self.faults else [])
            + (["bulk-news"] if self.bulk else [])
        )

    def handle(self, req: Request) -> Response:
        if req.path in ("/", ""):
            return html(listings.index({s: self._count(s) for s in self.slugs()}))
        if req.path == "/robots.txt" or req.path.endswith("/robots.txt"):
            return text(robots_txt(self.slugs()))
        slug = req.path.split("/")[1]
        if slug == "faulty-wire" and self.faults:
            return self.faults.handle(req)
        if slug == "bulk-news" and self.bulk:
            return self.bulk.handle(req)
        if slug == "tg":
            return self.telegram.handle(req)
        if slug not in OUTLETS:
            return not_found()
        return self._common(req, slug) or self.routes[slug](req) or not_found()

    def _count(self, slug: str) -> int:
        if slug in OUTLETS:
            return len(self.newest[slug])
        return self.bulk.n if slug == "bulk-news" and self.bulk else 0

    def _common(self, req: Request, slug: str) -> Response | None:
        o = OUTLETS[slug]
        if req.path == f"/{slug}":
            return redirect(o.prefix, 301)
        if req.path == draft_path(o):
            return html(draft_page(slug))
        a = self.by_path.get(req.path)
        if a:
            return self.article(a, req.base, variant=False)
        a = self.variants.get(req.path)
        return self.article(a, req.base, variant=True) if a else None

    def related(self, a: Article) -> list[Article]:
        same = self.newest[a.outlet]
        ranked = sorted((r for r in same if r.id != a.id), key=lambda r: (r.story != a.story, r.id))
        return ranked[:3]

    def article(self, a: Article, base: str, variant: bool) -> Response:
        if a.outlet != "vestnik-stepi":
            return html(render_article(a, base, self.related(a), variant))
        mode = self.charsets[a.id]
        meta = {"meta": META_1251, "wrong": '<meta charset="utf-8">', "header": ""}[mode]
        page = render_article(a, base, self.related(a), variant, meta)
        return html(page, CP1251, header_charset=mode != "wrong")

    def items(
        self, slug: str, base: str, link: Callable[[Article], str] = article_path
    ) -> list[Item]:
        return [
            Item(a.title, base + link(a), a.published, a.paragraphs[0][:300], a.authors, a.id)
            for a in self.newest[slug]
        ]

    def _feed(self, req: Request, slug: str, doc: Response) -> Response:
        newest = self.newest[slug]
        return conditional(req, doc, newest[0].published if newest else None)

    def _draft_item(self, slug: str, base: str) -> Item:
        o = OUTLETS[slug]
        when = self.newest[slug][-1].published if self.newest[slug] else FAULT_T0
        return Item(
            "Embargoed draft", base + draft_path(o), when, "not for crawling", (), "draft-" + slug
        )

    def _steppe(self, req: Request) -> Response | None:
        o, b = OUTLETS["steppe-herald"], req.base
        if req.path == "/steppe-herald/feed.xml":
            items = self.items(o.slug, b) + [self._draft_item(o.slug, b)]
            return self._feed(
                req,
                o.slug,
                xml(feeds.rss2(o.name, b + o.prefix, items, "en"), ctype="application/rss+xml"),
            )
        if req.path == o.prefix:
            return html(listings.home(o, self.newest[o.slug], ["/steppe-herald/feed.xml"]))
        return None

    def _vestnik(self, req: Request) -> Response | None:
        from presswatch.newsroom.outlets import tracked

        o, b, p = OUTLETS["vestnik-stepi"], req.base, req.path
        if p in ("/vestnik-stepi/rss.xml", "/vestnik-stepi/rdf.xml"):
            items = self.items(o.slug, b, lambda a: tracked(article_path(a), "rss"))
            render = feeds.rss091 if p.endswith("rss.xml") else feeds.rdf
            return self._feed(
                req, o.slug, xml(render(o.name, b + o.prefix, items, "ru", CP1251), CP1251)
            )
        page = int(req.query.get("page", "1")) if req.query.get("page", "1").isdigit() else 1
        if p == "/vestnik-stepi/lenta":
            return html(listings.vestnik(self.newest[o.slug], page, None, META_1251), CP1251)
        if p.startswith("/vestnik-stepi/razdel/"):
            section = p.rsplit("/", 1)[1]
            chosen = [a for a in self.newest[o.slug] if a.section == section]
            return (
                html(listings.vestnik(chosen, page, section, META_1251), CP1251) if chosen else None
            )
        if p == o.prefix:
            return html(
                listings.home(
                    o,
                    self.newest[o.slug],
                    ["/vestnik-stepi/lenta", "/vestnik-stepi/rss.xml", "/vestnik-stepi/rdf.xml"],
                )
            )
        return None

    def _pulse(self, req: Request) -> Response | None:
        o, b, p = OUTLETS["almaty-pulse"], req.base, req.path
        if p == "/almaty-pulse/atom.xml":
            items = self.items(
                o.slug,
                b,
                lambda a: amp_path(a) if zlib.crc32(a.id.encode()) % 3 == 0 else article_path(a),
            )
            return self._feed(
                req,
                o.slug,
                xml(
                    feeds.atom(o.name, b + o.prefix, b + p, items, "ru"),
                    ctype="application/atom+xml",
                ),
            )
        if p == "/almaty-pulse/sitemap.xml":
            when = self.newest[o.slug][0].published if self.newest[o.slug] else None
            locs = [
                (b + "/almaty-pulse/sitemap-news.xml", when),
                (b + "/almaty-pulse/sitemap-archive.xml", when),
            ]
            return self._feed(req, o.slug, xml(feeds.sitemap_index(locs)))
        if p == "/almaty-pulse/sitemap-news.xml":
            items = self.items(o.slug, b)[:NEWS_SITEMAP_SIZE] + [self._draft_item(o.slug, b)]
            return self._feed(req, o.slug, xml(feeds.news_urlset(items, o.name, "ru")))
        if p == "/almaty-pulse/sitemap-archive.xml":
            older = self.newest[o.slug][NEWS_SITEMAP_SIZE:]
            return self._feed(
                req, o.slug, xml(feeds.urlset([(b + article_path(a), a.published) for a in older]))
            )
        if p == o.prefix:
            return html(
                listings.home(
                    o, self.newest[o.slug], ["/almaty-pulse/atom.xml", "/almaty-pulse/sitemap.xml"]
                )
            )
        return None

    def _habar(self, req: Request) -> Response | None:
        o, b, p = OUTLETS["taldy-habar"], req.base, req.path
        if p == "/taldy-habar/sitemap.xml":
            urls = [(b + article_path(a), a.published) for a in self.newest[o.slug]]
            return self._feed(req, o.slug, xml(feeds.urlset(urls + [(b + draft_path(o), None)])))
        if p == "/taldy-habar/zhanalyqtar/":
            return html(listings.habar(self.newest[o.slug], 1))
        if p.startswith("/taldy-habar/zhanalyqtar/page/"):
            n = p.rstrip("/").rsplit("/", 1)[1]
            return html(listings.habar(self.newest[o.slug], int(n))) if n.isdigit() else None
        if p == o.prefix:
            return html(
                listings.home(
                    o,
                    self.newest[o.slug],
                    ["/taldy-habar/sitemap.xml", "/taldy-habar/zhanalyqtar/"],
                )
            )
        return None

    def _court(self, req: Request) -> Response | None:
        o, p = OUTLETS["court-portal"], req.path
        if p == "/court-portal/cases":
            page = req.query.get("page", "1")
            return html(listings.court(self.newest[o.slug], int(page) if page.isdigit() else 1))
        if p == o.prefix:
            return html(listings.home(o, self.newest[o.slug], ["/court-portal/cases"]))
        return None
