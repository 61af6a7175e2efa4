"""What extraction makes of one fetched page, as plain data: the function extraction workers run
(and the crawl runs inline when it has none). Light imports only: no Scrapy in a worker."""

from __future__ import annotations

from typing import Any

from crawlers.canonical import declared_canonical
from crawlers.court_text import case_text
from crawlers.dates import parse_date
from crawlers.encoding import decode
from crawlers.extraction import Article, extract
from nlp.text.lang import detect_language
from storage.packing import pack


def court_article(url: str, fields: dict) -> Article | None:
    """The article of a case notice or decision, from the fields its selectors read."""
    if not fields.get("text") and not fields.get("case_number"):
        return None
    text = case_text(fields)
    return Article(
        url=url,
        title=fields.get("title") or fields.get("case_number"),
        text=text,
        published=parse_date(fields.get("date")),
        lang=detect_language(text),
        extractor="court-selectors",
    )


def post_article(url: str, post: dict) -> Article:
    """The article of a Telegram post: its text as it is, no extraction."""
    return Article(
        url=url,
        title=post.get("title"),
        text=post["text"],
        published=post.get("published"),
        lang=detect_language(post["text"]),
        extractor="telegram-preview",
    )


def extract_page(job: dict[str, Any]) -> dict[str, Any]:
    """``{"encoding", "article": Article fields or None, "canonical": the page's own canonical URL,
    "packed": the body as the archive stores it}`` (plain types: a result must not pull
    trafilatura into the process that reads it)."""
    html, encoding = decode(job["body"], job.get("content_type"))
    article: Article | None
    if job.get("post") is not None:
        article = post_article(job["url"], job["post"])
    elif job.get("court") is not None:
        article = court_article(job["url"], job["court"])
    else:
        article = extract(html, job["url"], job.get("selectors"))
    return {
        "encoding": encoding,
        "article": article.as_dict() if article is not None else None,
        "canonical": declared_canonical(html, job["url"]),
        "packed": pack(job["body"]),
    }
