"""Feed and sitemap documents: RSS 0.91, RSS 1.0 (RDF), RSS 2.0, Atom, sitemaps and news sitemaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str
    link: str | None
    published: datetime
    summary: str = ""
    authors: tuple[str, ...] = ()
    guid: str = ""


def _x(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _head(encoding: str) -> str:
    return f'<?xml version="1.0" encoding="{encoding}"?>\n'


def rss2(title: str, link: str, items: list[Item], lang: str, encoding: str = "utf-8") -> str:
    def item(i: Item) -> str:
        parts = [f"<title>{_x(i.title)}</title>"]
        if i.link:
            parts.append(f"<link>{_x(i.link)}</link>")
        parts.append(f'<guid isPermaLink="false">{_x(i.guid or i.link or i.title)}</guid>')
        parts.append(f"<pubDate>{format_datetime(i.published)}</pubDate>")
        parts += [f"<dc:creator>{_x(a)}</dc:creator>" for a in i.authors]
        parts.append(f"<description>{_x(i.summary)}</description>")
        return "<item>" + "".join(parts) + "</item>\n"

    return (
        _head(encoding) + '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"<channel><title>{_x(title)}</title><link>{_x(link)}</link><description>{_x(title)}</description>"
        f"<language>{lang}</language>\n" + "".join(item(i) for i in items) + "</channel></rss>\n"
    )


def rss091(title: str, link: str, items: list[Item], lang: str, encoding: str = "utf-8") -> str:
    body = "".join(
        f"<item><title>{_x(i.title)}</title><link>{_x(i.link or '')}</link>"
        f"<description>{_x(i.summary)}</description></item>\n"
        for i in items
    )
    return (
        _head(encoding) + '<rss version="0.91">\n<channel>'
        f"<title>{_x(title)}</title><link>{_x(link)}</link><description>{_x(title)}</description>"
        f"<language>{lang}</language>\n{body}</channel></rss>\n"
    )


def rdf(title: str, link: str, items: list[Item], lang: str, encoding: str = "utf-8") -> str:
    seq = "".join(f'<rdf:li rdf:resource="{_x(i.link or "")}"/>' for i in items)
    body = "".join(
        f'<item rdf:about="{_x(i.link or "")}"><title>{_x(i.title)}</title><link>{_x(i.link or "")}</link>'
        f"<description>{_x(i.summary)}</description><dc:date>{i.published.isoformat()}</dc:date>"
        + "".join(f"<dc:creator>{_x(a)}</dc:creator>" for a in i.authors)
        + "</item>\n"
        for i in items
    )
    return (
        _head(encoding) + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<channel rdf:about="{_x(link)}"><title>{_x(title)}</title><link>{_x(link)}</link>'
        f"<description>{_x(title)}</description><dc:language>{lang}</dc:language>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n{body}</rdf:RDF>\n"
    )


def atom(title: str, link: str, feed_url: str, items: list[Item], lang: str) -> str:
    updated = max((i.published for i in items), default=None)

    def entry(i: Item) -> str:
        authors = "".join(f"<author><name>{_x(a)}</name></author>" for a in i.authors)
        return (
            f'<entry><title>{_x(i.title)}</title><link rel="alternate" href="{_x(i.link or "")}"/>'
            f"<id>{_x(i.guid or i.link or '')}</id><published>{i.published.isoformat()}</published>"
            f"<updated>{i.published.isoformat()}</updated>{authors}"
            f"<summary>{_x(i.summary)}</summary></entry>\n"
        )

    return (
        _head("utf-8") + f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"<title>{_x(title)}</title><id>{_x(feed_url)}</id>"
        f'<link rel="alternate" href="{_x(link)}"/><link rel="self" href="{_x(feed_url)}"/>'
        f"<updated>{updated.isoformat() if updated else ''}</updated>\n"
        + "".join(entry(i) for i in items)
        + "</feed>\n"
    )


def urlset(urls: list[tuple[str, datetime | None]]) -> str:
    body = "".join(
        f"<url><loc>{_x(u)}</loc>"
        + (f"<lastmod>{d.isoformat()}</lastmod>" if d else "")
        + "</url>\n"
        for u, d in urls
    )
    return (
        _head("utf-8")
        + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + body
        + "</urlset>\n"
    )


def news_urlset(items: list[Item], publication: str, lang: str) -> str:
    body = "".join(
        f"<url><loc>{_x(i.link or '')}</loc><news:news><news:publication><news:name>{_x(publication)}</news:name>"
        f"<news:language>{lang}</news:language></news:publication>"
        f"<news:publication_date>{i.published.isoformat()}</news:publication_date>"
        f"<news:title>{_x(i.title)}</news:title></news:news></url>\n"
        for i in items
    )
    return (
        _head("utf-8") + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + body + "</urlset>\n"
    )


def sitemap_index(locs: list[tuple[str, datetime | None]]) -> str:
    body = "".join(
        f"<sitemap><loc>{_x(u)}</loc>"
        + (f"<lastmod>{d.isoformat()}</lastmod>" if d else "")
        + "</sitemap>\n"
        for u, d in locs
    )
    return (
        _head("utf-8")
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + body
        + "</sitemapindex>\n"
    )
