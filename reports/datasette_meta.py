"""Datasette metadata for the archive, generated from code: table descriptions from
docs/DATA.md, column descriptions, full-text search on articles and the canned queries."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from presswatch.locales import N_, translations
from storage.canned import CANNED

DATA_MD = Path(__file__).resolve().parents[1] / "docs" / "DATA.md"
HIDDEN = ("_migrations",)
TABLE_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|[^|]*\|\s*(.+?)\s*\|\s*$")
FACET_LINE = re.compile(r"^- `(\w+)`: (.+)$")
FACET_TABLES = ("signals", "candidates", "incidents")

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "url": "canonical URL (unique)",
        "source": "registry name of the source",
        "outlet": "canonical outlet name",
        "lang": "language: ru, kk, en, other",
        "published_at": "publication time, ISO 8601",
        "authors": "JSON list of author names",
        "content_hash": "sha256 of title and text",
        "fingerprint": "64-bit simhash (signed int)",
        "duplicate_of": "id of the article this one duplicates",
        "version": "1 + number of earlier versions",
        "tagged_at": "when the NLP tagger ran",
        "detected_at": "when incident detection ran",
    },
    "incidents": {
        "status": "case status: reported, investigation, court, decision, appeal, closed",
        "ongoing": "1 while the case goes on (does not change where the incident counts)",
        "title": "short title",
        "summary": "one-paragraph summary",
        "version": "optimistic-concurrency counter",
    },
    "developments": {
        "incident_id": "the incident this development belongs to",
        "status": "case status after it",
        "date": "date of the development (YYYY-MM-DD)",
        "note": "what happened",
        "article_id": "source article",
        "candidate_id": "candidate it was filed from",
    },
    "legal_refs": {
        "code": "CC, CAO, CPC, CIVIL, CONST or OTHER",
        "article": "article in dash form (456-2)",
        "part": "part of the article",
        "text": "as written in the article",
    },
    "mentions": {
        "kind": "person, outlet, court, body, place, date",
        "text": "as written",
        "norm": "normalised (nominative, canonical)",
        "role": "journalist, editor, blogger, camera_operator…",
    },
    "amounts": {
        "unit": "KZT or MCI",
        "kzt": "value in tenge when known",
        "kind": "fine, claimed, recovered, other",
    },
    "reports": {
        "month": "YYYY-MM reported on",
        "lang": "en, ru or kk",
        "body": "the published report text",
        "figures": "JSON: figure key -> {value, ids} (the incidents behind each number)",
    },
    "source_runs": {"status": "ok or failed", "items": "articles found", "reason": "why it failed"},
}


def table_descriptions(text: str) -> dict[str, str]:
    """``table -> description`` from the tables section of DATA.md."""
    out: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        section = line if line.startswith("## ") else section
        match = TABLE_ROW.match(line) if section.strip() == "## Tables" else None
        if match and match.group(1) != "table":
            out[match.group(1)] = match.group(2).replace("`", "")
    return out


def facet_descriptions(text: str) -> dict[str, str]:
    """``column -> description`` from the shared facet formats of DATA.md."""
    return {
        m.group(1): m.group(2).replace("`", "")
        for m in map(FACET_LINE.match, text.splitlines())
        if m
    }


TITLE = N_("Presswatch archive")
DESCRIPTION = N_("Read-only view of the Presswatch archive (articles, tags, incidents, reports).")


def canned(lang: str = "en") -> dict[str, dict[str, str]]:
    """The canned queries with their titles and descriptions in ``lang``."""
    t = translations(lang).gettext
    return {
        name: {**query, "title": t(query["title"]), "description": t(query["description"])}
        for name, query in CANNED.items()
    }


def metadata(
    database: str, data_md: Path = DATA_MD, fts_pk: str = "id", lang: str = "en"
) -> dict[str, Any]:
    """Datasette metadata for the archive served under the name ``database``; ``fts_pk`` is the
    articles column the FTS rowid points at (``storage.canned.articles_fts_key``); the title and
    the canned queries' titles and descriptions in ``lang``."""
    text = data_md.read_text(encoding="utf-8") if data_md.exists() else ""
    facets = facet_descriptions(text)
    tables: dict[str, Any] = {}
    for table, description in table_descriptions(text).items():
        tables[table] = {"description": description, "columns": dict(COLUMNS.get(table, {}))}
        if table in FACET_TABLES:
            tables[table]["columns"].update(facets)
    tables.setdefault("articles", {"columns": COLUMNS["articles"]})
    tables["articles"].update({"fts_table": "articles_fts", "fts_pk": fts_pk})
    for table in HIDDEN:
        tables[table] = {"hidden": True, "allow": False}
    return {
        "title": translations(lang).gettext(TITLE),
        "description": translations(lang).gettext(DESCRIPTION),
        "databases": {database: {"tables": tables, "queries": canned(lang)}},
    }


def write_metadata(path: Path, database: str, fts_pk: str = "id", lang: str = "en") -> Path:
    path.write_text(
        json.dumps(metadata(database, fts_pk=fts_pk, lang=lang), ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return path
