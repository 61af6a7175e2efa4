"""The demo newsroom's articles: ``content/articles_*.yaml`` loaded, validated and typed.

Each file is a YAML list of mappings with the keys of :data:`REQUIRED`; a broken file or
entry raises :class:`storage.errors.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from storage.errors import ConfigError

CONTENT_DIR = Path(__file__).parent / "content"
REQUIRED = ("id", "outlet", "lang", "published", "section", "title", "body")
OPTIONAL = ("authors", "story", "followup", "gold", "court")
LANGS = ("ru", "kk", "en")


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    lang: str
    published: datetime
    section: str
    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    story: str = ""
    followup: Any = False
    gold: dict = field(default_factory=dict, compare=False, hash=False)
    court: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def incident(self) -> bool:
        return bool(self.gold.get("categories"))


def paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs of a body: blocks separated by blank lines, inner newlines joined."""
    blocks = [" ".join(b.split()) for b in body.split("\n\n")]
    return tuple(b for b in blocks if b)


def _problem(entry: Any, outlets: set[str] | None) -> str | None:
    if not isinstance(entry, dict):
        return "an article must be a mapping"
    missing = [k for k in REQUIRED if not entry.get(k)]
    if missing:
        return f"missing {', '.join(missing)}"
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        return f"unknown key(s) {', '.join(unknown)}"
    if entry["lang"] not in LANGS:
        return f"lang {entry['lang']!r} is not one of {', '.join(LANGS)}"
    if outlets is not None and entry["outlet"] not in outlets:
        return f"outlet {entry['outlet']!r} is not one of {', '.join(sorted(outlets))}"
    try:
        when = datetime.fromisoformat(str(entry["published"]))
    except ValueError:
        return f"published {entry['published']!r} is not an ISO date-time"
    return None if when.tzinfo else "published needs a UTC offset (e.g. +05:00)"


def to_article(entry: dict) -> Article:
    authors = entry.get("authors") or []
    return Article(
        id=str(entry["id"]),
        outlet=entry["outlet"],
        lang=entry["lang"],
        published=datetime.fromisoformat(str(entry["published"])),
        section=str(entry["section"]),
        title=" ".join(str(entry["title"]).split()),
        paragraphs=paragraphs(str(entry["body"])),
        authors=tuple(str(a) for a in authors),
        story=str(entry.get("story") or ""),
        followup=entry.get("followup") or False,
        gold=dict(entry.get("gold") or {}),
        court=dict(entry.get("court") or {}),
    )


def load_file(path: Path, outlets: set[str] | None = None) -> list[Article]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"newsroom content {path.name}: {exc}".replace("\n", " ")) from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(f"newsroom content {path.name}: must be a YAML list of articles")
    articles = []
    for i, entry in enumerate(data):
        why = _problem(entry, outlets)
        if why:
            name = entry.get("id", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
            raise ConfigError(f"newsroom content {path.name}: article {name!r}: {why}")
        articles.append(to_article(entry))
    return articles


def load_articles(directory: Path = CONTENT_DIR, outlets: set[str] | None = None) -> list[Article]:
    """Every article of ``directory/articles_*.yaml``, sorted by date then id; ids unique."""
    articles = [a for p in sorted(directory.glob("articles_*.yaml")) for a in load_file(p, outlets)]
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            raise ConfigError(f"newsroom content: duplicate article id {a.id!r}")
        seen.add(a.id)
    return sorted(articles, key=lambda a: (a.published, a.id))


@lru_cache(maxsize=1)
def default_articles() -> tuple[Article, ...]:
    """The shipped articles, loaded once per process."""
    from presswatch.newsroom.outlets import OUTLETS

    return tuple(load_articles(CONTENT_DIR, set(OUTLETS)))
