"""The source registry: ``sources.yaml`` read and validated, entry by entry, with line numbers.

A malformed entry is reported with its name, its line and the valid options; the other
entries still load (like lemon24/reader's survivable feed problems).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from crawlers.telegram import CHANNEL
from storage.errors import ConfigError

KINDS = ("feed", "sitemap", "listing", "court", "telegram")
LANGS = ("ru", "kk", "en")
REQUIRED = ("name", "kind", "start_urls")
OPTIONAL = {
    "outlet",
    "lang",
    "enabled",
    "verified",
    "note",
    "listing",
    "article",
    "changes",
    "rhythm_hours",
    "local",
    "max_pages",
    "court",
    "allowed_domains",
    "download_delay",
}


@dataclass(frozen=True)
class SourceProblem:
    name: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"sources: entry {self.name!r} (line {self.line}): {self.message}"


def _lines(text: str) -> list[int]:
    """Line numbers (1-based) of each entry of the ``sources:`` list."""
    root = yaml.compose(text)
    if root is None or not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "sources" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def check_entry(entry: Any) -> str | None:
    """Why an entry is invalid, or ``None`` when it is fine."""
    if not isinstance(entry, dict):
        return "an entry must be a mapping with keys " + ", ".join(REQUIRED)
    missing = [k for k in REQUIRED if not entry.get(k)]
    if missing:
        return f"missing {', '.join(missing)} (required: {', '.join(REQUIRED)})"
    if entry["kind"] not in KINDS:
        return f"kind {entry['kind']!r} is not one of {', '.join(KINDS)}"
    if entry.get("lang") and entry["lang"] not in LANGS:
        return f"lang {entry['lang']!r} is not one of {', '.join(LANGS)}"
    urls = entry["start_urls"]
    if not isinstance(urls, list) or not all(
        isinstance(u, str) and u.startswith(("http://", "https://")) for u in urls
    ):
        return "start_urls must be a list of http(s) URLs"
    if entry["kind"] == "telegram" and not all(CHANNEL.search(urlsplit(u).path) for u in urls):
        return "a telegram source's start_urls are channel previews: https://t.me/s/<channel>"
    unknown = sorted(set(entry) - set(REQUIRED) - OPTIONAL)
    if unknown:
        return f"unknown key(s) {', '.join(unknown)}; valid: {', '.join(sorted(OPTIONAL | set(REQUIRED)))}"
    return None


def parse_sources(text: str) -> tuple[list[dict[str, Any]], list[SourceProblem]]:
    """Valid entries (each with its ``line``) and the problems of the invalid ones."""
    try:
        data = yaml.safe_load(text) or {}
        lines = _lines(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"sources file is not valid YAML: {exc}".replace("\n", " ")) from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError("sources file must have a top-level `sources:` list")
    good, problems, seen = [], [], set()
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 0
        name = entry.get("name", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
        why = check_entry(entry)
        if why is None and name in seen:
            why = "duplicate name"
        if why:
            problems.append(SourceProblem(str(name), line, why))
            continue
        seen.add(name)
        good.append({**entry, "line": line})
    return good, problems


def load_sources(path: Path | str) -> tuple[list[dict[str, Any]], list[SourceProblem]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read sources file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"sources file {path} is not UTF-8: {exc.reason}") from exc
    return parse_sources(text)
