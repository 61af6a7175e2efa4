"""``presswatch extract``: article extraction for scripting and evaluation (JSON lines in and out)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import click

from crawlers.extraction import extract as extract_article
from storage.errors import ExtractionError


def read_html(record: dict) -> bytes | str:
    if record.get("html") is not None:
        return record["html"]
    path = Path(record["path"])
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def extract_line(line: str, number: int) -> dict:
    """One output record for one input line (``{"id", "path"|"html", "url"?}``)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"input line {number} is not JSON: {exc.msg}") from exc
    if not isinstance(record, dict) or ("html" not in record and "path" not in record):
        raise ExtractionError(f'input line {number} needs "id" and "path" or "html"')
    out: dict[str, Any] = {
        "id": record.get("id"),
        "title": None,
        "text": "",
        "published": None,
        "authors": [],
        "lang": "other",
    }
    try:
        article = extract_article(read_html(record), record.get("url"))
    except OSError as exc:
        return {**out, "error": f"cannot read {record.get('path')}: {exc.strerror or exc}"}
    if article is not None:
        out.update(
            title=article.title,
            text=article.text,
            published=article.published,
            authors=article.authors,
            lang=article.lang,
        )
    return out


@click.command()
@click.option(
    "--input",
    "source",
    type=click.File("r", encoding="utf-8"),
    required=True,
    help="JSON lines {id, path|html, url?} ('-' for stdin).",
)
@click.option(
    "--output",
    "target",
    type=click.File("w", encoding="utf-8"),
    required=True,
    help="JSON lines {id, title, text, published, authors, lang} ('-' for stdout).",
)
def extract(source, target) -> None:
    """Extract the article (title, text, date, authors, language) from each page of IN.jsonl."""
    for number, line in enumerate(source, 1):
        if line.strip():
            target.write(json.dumps(extract_line(line, number), ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(extract)
