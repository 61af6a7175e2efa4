"""Hostile sitemaps of ``faulty-wire`` (under ``/faulty-wire/sitemaps/``), for real HTTP tests of
the crawl's bounds:

- ``entity-bomb.xml``: a urlset whose DTD declares nested entities (billion laughs).
- ``external-entity.xml``: a urlset declaring an external entity (``file:///etc/passwd``).
- ``many.xml?urls=N``: a valid urlset of ``N`` article URLs (all the good article, ``?copy=i``).
- ``padded.xml?kb=N``: a valid urlset of one URL padded with whitespace to ``N`` KiB.
- ``deep-D.xml``: a sitemap index pointing at ``deep-(D+1).xml``, without end.
- ``wide.xml?children=N``: a sitemap index of ``N`` sitemaps ``leaf-I.xml`` (one URL each).
"""

from __future__ import annotations

from presswatch.newsroom import feeds
from presswatch.newsroom.responses import Request, Response, not_found, xml

PREFIX = "/faulty-wire/sitemaps/"
GOOD = "/faulty-wire/news/good-1"

ENTITY_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE urlset [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>&lol9;</loc></url></urlset>\n"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url>'
    "</urlset>\n"
)


def _number(req: Request, name: str, default: int) -> int:
    value = req.query.get(name, "")
    return int(value) if value.isdigit() else default


def handle(req: Request) -> Response:
    name, b = req.path[len(PREFIX) :], req.base
    if name == "entity-bomb.xml":
        return xml(ENTITY_BOMB)
    if name == "external-entity.xml":
        return xml(EXTERNAL_ENTITY)
    if name == "many.xml":
        n = _number(req, "urls", 20_000)
        return xml(feeds.urlset([(f"{b}{GOOD}?copy={i}", None) for i in range(n)]))
    if name == "padded.xml":
        doc = feeds.urlset([(b + GOOD, None)])
        return xml(doc.replace("</urlset>", " " * (_number(req, "kb", 1024) * 1024) + "</urlset>"))
    if name.startswith("deep-") and name[5:-4].isdigit():
        return xml(feeds.sitemap_index([(f"{b}{PREFIX}deep-{int(name[5:-4]) + 1}.xml", None)]))
    if name == "wide.xml":
        n = _number(req, "children", 5_000)
        return xml(feeds.sitemap_index([(f"{b}{PREFIX}leaf-{i}.xml", None) for i in range(n)]))
    if name.startswith("leaf-"):
        return xml(feeds.urlset([(f"{b}{GOOD}?leaf={name[5:-4]}", None)]))
    return not_found()
