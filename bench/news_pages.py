"""Generated article pages for the crawl benchmark (fictional outlet *Bench Gazette*).

Two styles:

- ``news``: shaped like the real pages of ``../shared/benchmarks/article-extraction`` (181 news
  pages: median 115 KB of HTML, 24 KB of inline script, 135 links, 785 elements, 22 paragraphs):
  head with meta tags, JSON-LD and inline scripts, a navigation bar, breadcrumbs, the article
  with byline, figures, share buttons and tags, a "most read" and a "latest" column, related
  stories, comments and a long footer. ``bench/crawl_throughput.py`` prints how the generated
  pages compare with the real ones.
- ``minimal``: a few paragraphs in an ``<article>`` (3-5 KB): the per-page cost of fetching and
  storing weighs most against a page that is almost free to extract.
"""

from __future__ import annotations

import random
import statistics

import lxml.html

WORDS = [
    "court",
    "journalist",
    "editor",
    "newspaper",
    "council",
    "report",
    "fine",
    "appeal",
    "hearing",
    "statement",
    "police",
    "budget",
    "region",
    "reporter",
    "website",
    "outlet",
    "lawsuit",
    "judge",
    "article",
    "ministry",
    "press",
    "office",
    "akimat",
    "deputy",
    "prosecutor",
    "district",
    "city",
    "village",
    "school",
    "hospital",
    "road",
    "bridge",
    "water",
    "tariff",
    "price",
    "market",
]
SECTIONS = [
    "Politics",
    "Economy",
    "Society",
    "Regions",
    "World",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Photo",
    "Science",
    "Health",
    "Education",
    "Incidents",
    "Law",
    "Technology",
    "Business",
    "Auto",
    "Travel",
    "Weather",
]


def words(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def sentence(rng: random.Random, lo: int = 8, hi: int = 20) -> str:
    return words(rng, lo, hi).capitalize() + "."


def minimal(i: int) -> str:
    rng = random.Random(i)
    paras = "".join(f"<p>{sentence(rng, 40, 90)}</p>" for _ in range(rng.randint(4, 9)))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {i} | Bench Gazette</title>"
        f"<meta name='author' content='Reporter {i % 37}'>"
        f"<meta property='article:published_time' content='{date(i)}'>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Story number {i}</h1>{paras}</article><footer>© Bench Gazette</footer></body></html>"
    )


def date(i: int) -> str:
    return f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"


def script(rng: random.Random, size: int) -> str:
    """Minified-looking JavaScript of about ``size`` characters (analytics, ads, configuration)."""
    parts, total = [], 0
    while total < size:
        name = "".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(2, 8)))
        part = f'var {name}=function(e,t){{return e["{rng.choice(WORDS)}"]||t.push({rng.randint(0, 99999)})}};'
        parts.append(part)
        total += len(part)
    return "".join(parts)


def attrs(rng: random.Random) -> str:
    """Class names and data attributes as a site's front-end framework scatters them."""
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    return (
        f'class="c-{a}__item c-{a}__item--{b} js-{b}-track" data-id="{rng.randint(1, 999999)}" '
        f'data-analytics="{{&quot;block&quot;:&quot;{a}&quot;,&quot;pos&quot;:{rng.randint(1, 40)}}}"'
    )


def icon(rng: random.Random) -> str:
    d = " ".join(
        f"M{rng.randint(0, 24)} {rng.randint(0, 24)}l{rng.randint(-9, 9)} {rng.randint(-9, 9)}"
        for _ in range(12)
    )
    return f'<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="{d}z"></path></svg>'


def links(rng: random.Random, n: int, prefix: str, words_lo: int = 1, words_hi: int = 3) -> str:
    return "".join(
        f'<li {attrs(rng)}><div class="item-inner"><span class="time">{rng.randint(0, 23):02d}:'
        f'{rng.randint(0, 59):02d}</span><a href="/{prefix}/{rng.randint(1, 99999)}" {attrs(rng)}>'
        f"{words(rng, words_lo, words_hi).title()}</a></div></li>"
        for _ in range(n)
    )


def head(i: int, rng: random.Random, title: str) -> str:
    metas = "".join(
        f'<meta name="x-{k}" content="{words(rng, 2, 6)}">' for k in range(rng.randint(8, 20))
    )
    styles = "".join(
        f'<link rel="stylesheet" href="/static/css/{k}.{rng.randint(1000, 9999)}.css">'
        for k in range(rng.randint(3, 8))
    )
    scripts = "".join(
        f"<script>{script(rng, rng.randint(3000, 14000))}</script>"
        for _ in range(rng.randint(1, 4))
    )
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"{title}","datePublished":"{date(i)}","author":{{"@type":"Person","name":'
        f'"Reporter {i % 37}"}},"publisher":{{"@type":"Organization","name":"Bench Gazette"}}}}</script>'
    )
    return (
        f'<head><meta charset="utf-8"><title>{title} | Bench Gazette</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="author" content="Reporter {i % 37}">'
        f'<meta property="article:published_time" content="{date(i)}">'
        f'<meta property="og:title" content="{title}"><meta property="og:type" content="article">'
        f"{metas}{styles}{ld}{scripts}<style>{'.c{margin:0;padding:0}' * rng.randint(20, 300)}</style></head>"
    )


def header(rng: random.Random) -> str:
    nav = "".join(
        f'<li {attrs(rng)}><a href="/{s.lower()}">{icon(rng)}<span>{s}</span></a></li>'
        for s in SECTIONS
    )
    return (
        '<header class="site-header"><div class="top-bar"><a href="/" class="logo">Bench Gazette</a>'
        '<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>'
        f'<a href="/subscribe">Subscribe</a><a href="/login">Log in</a></div><nav class="main-nav"><ul>{nav}</ul></nav>'
        f'<div class="mobile-menu" hidden><ul>{nav}</ul></div><div class="ticker"><ul>{links(rng, rng.randint(5, 12), "news", 4, 9)}</ul></div></header>'
    )


def body(i: int, rng: random.Random, title: str) -> str:
    paras = []
    for k in range(rng.randint(8, 26)):
        paras.append(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(1, 3)))}</p>")
        if k == 3:
            paras.append(
                f'<figure><img src="/img/{i}-{k}.jpg" alt="{words(rng, 3, 6)}">'
                f"<figcaption>{sentence(rng, 5, 12)} Photo: Bench Gazette</figcaption></figure>"
            )
    share = "".join(
        f'<a class="share" href="https://share.example/{s}?u=/a/{i}" {attrs(rng)}>{icon(rng)}<span>{s}</span></a>'
        for s in ("Facebook", "Telegram", "WhatsApp", "X", "VK")
    )
    return (
        f'<main><div class="breadcrumbs"><a href="/">Home</a> / <a href="/news">News</a></div>'
        f'<article class="story"><h1>{title}</h1><div class="byline">By <a href="/authors/{i % 37}">'
        f'Reporter {i % 37}</a> <time datetime="{date(i)}">{date(i)}</time></div>'
        f'<div class="share-bar">{share}</div><div class="story-body">{"".join(paras)}</div>'
        f'<div class="tags">{links(rng, rng.randint(2, 7), "tags")}</div></article>'
        f"{aside(rng)}{related(rng)}{comments(rng)}</main>"
    )


def aside(rng: random.Random) -> str:
    return (
        f'<aside class="sidebar"><section><h3>Most read</h3><ol>{links(rng, 10, "news", 5, 10)}</ol></section>'
        f"<section><h3>Latest</h3><ul>{links(rng, rng.randint(10, 25), 'news', 5, 10)}</ul></section>"
        f'<div class="ad" id="ad-{rng.randint(1, 99)}"><script>{script(rng, rng.randint(500, 3000))}</script></div></aside>'
    )


def related(rng: random.Random) -> str:
    cards = "".join(
        f'<div {attrs(rng)}><div class="card-media"><a href="/news/{rng.randint(1, 99999)}" {attrs(rng)}>'
        f'<picture><source srcset="/img/r{k}.webp"><img src="/img/r{k}.jpg" loading="lazy"></picture></a></div>'
        f'<div class="card-body"><span class="card-section">{rng.choice(SECTIONS)}</span><h3>'
        f'<a href="/news/{rng.randint(1, 99999)}">{words(rng, 5, 10).capitalize()}</a></h3>{icon(rng)}</div></div>'
        for k in range(6)
    )
    return f'<section class="related"><h2>Related stories</h2>{cards}</section>'


def comments(rng: random.Random) -> str:
    items = "".join(
        f'<li class="comment"><b>reader{rng.randint(1, 999)}</b><p>{sentence(rng, 4, 25)}</p></li>'
        for _ in range(rng.randint(0, 8))
    )
    return f'<section class="comments"><h2>Comments</h2><ul>{items}</ul></section>'


def footer(rng: random.Random) -> str:
    columns = "".join(
        f"<div><h4>{s}</h4><ul>{links(rng, rng.randint(4, 9), s.lower())}</ul></div>"
        for s in SECTIONS[:6]
    )
    return (
        f'<footer class="site-footer">{columns}<p>© 2026 Bench Gazette. Registered as a mass medium, '
        "certificate No. 0000. Reprinting requires a link to the source.</p>"
        f"<script>{script(rng, rng.randint(1000, 6000))}</script></footer>"
    )


def news(i: int) -> str:
    rng = random.Random(i)
    title = f"Story {i}: {words(rng, 4, 9)}".capitalize()
    return (
        f'<!DOCTYPE html><html lang="en">{head(i, rng, title)}<body>{header(rng)}'
        f"{body(i, rng, title)}{footer(rng)}</body></html>"
    )


STYLES = {"news": news, "minimal": minimal}


def page(i: int, style: str = "news") -> bytes:
    return STYLES[style](i).encode()


def shape(pages: list[bytes]) -> dict[str, int]:
    """Medians of what makes a page costly to parse and extract: bytes, inline script, links,
    elements, paragraphs and their text."""
    rows = []
    for raw in pages:
        doc = lxml.html.fromstring(raw)
        rows.append(
            {
                "bytes": len(raw),
                "script": sum(len(s.text or "") for s in doc.iter("script")),
                "links": len(doc.xpath("//a")),
                "elements": sum(1 for _ in doc.iter()),
                "paragraphs": len(doc.xpath("//p")),
                "paragraph text": len(" ".join(doc.xpath("//p//text()"))),
            }
        )
    return {k: int(statistics.median(r[k] for r in rows)) for k in rows[0]}
