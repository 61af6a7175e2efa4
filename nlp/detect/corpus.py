"""Labelled examples for training: a corpus file (``dev.jsonl`` format) and reviewer decisions.

Only ``text`` and ``categories`` are read for training. Folds are grouped by source host
(``adilsoz.kz`` and ``old.adilsoz.kz`` are one group) so that one source page, and the events it
retells, never sits on both sides of a fold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from storage.errors import ConfigError


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    categories: frozenset[str]
    lang: str = ""
    group: str = ""


def host_group(url: str) -> str:
    host = (urlparse(url or "").hostname or "").removeprefix("www.")
    return ".".join(host.split(".")[-2:]) or "unknown"


def read(path: Path) -> list[Example]:
    """The corpus' examples; a line that is not a JSON object is a :class:`ConfigError`."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out.append(_example(row, n))
            except (ValueError, AttributeError, TypeError) as exc:
                raise ConfigError(f"{path}:{n}: not a labelled example ({exc})") from exc
    return out


def _example(row: dict, n: int) -> Example:
    return Example(
        id=str(row.get("id", n)),
        text=str(row["text"]),
        categories=frozenset(row.get("categories") or []),
        lang=str(row.get("lang") or ""),
        group=host_group(row.get("source_url", "")) or f"line-{n}",
    )


def from_decisions(pairs: list[tuple[str, set[str]]]) -> list[Example]:
    """Reviewer decisions (``storage.filing.decided_examples``) as examples, one group each."""
    return [
        Example(f"review-{i}", text, frozenset(cats), group=f"review-{i}")
        for i, (text, cats) in enumerate(pairs)
    ]
