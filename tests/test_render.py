"""Rendering: every number links to its incidents (HTML anchors, Markdown footnotes), both
languages, charts as SVG and PNG."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fixtures_reports import build

from reports import charts
from reports.build import draft
from reports.render import anchor
from storage.archive import connect, write

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("render") / "archive.db"
    ids = build(path)
    return connect(path), ids


def test_html_numbers_link_to_appendix_sections_listing_their_incidents(archive, tmp_path):
    db, ids = archive
    report = draft(db, "2026-11", "html", "en", tmp_path / "r.html", today=TODAY)
    html = (tmp_path / "r.html").read_text()
    links = set(re.findall(r'<a class="fig" href="#([^"]+)">', html))
    sections = set(re.findall(r'<section id="([^"]+)">', html))
    assert links == sections and len(links) > 40
    section = html.split(f'<section id="{anchor("ytd.legal.civil.honour")}">')[1].split(
        "</section>"
    )[0]
    assert sorted(int(i) for i in re.findall(r'href="#incident-(\d+)"', section)) == sorted(
        ids[k] for k in ("c2", "c9", "c16", "n8", "n9")
    )
    assert "15,500,000" in html and "3.2 times" in html
    assert html.count("<svg") == 4  # blocks, categories, legal, digital security
    assert f'id="incident-{ids["n13"]}"' in html and report.figures.month == "2026-11"


def test_markdown_footnotes_cover_every_number(archive, tmp_path):
    db, ids = archive
    out = tmp_path / "nov.md"
    report = draft(db, "2026-11", "md", "en", out, today=TODAY)
    text = out.read_text()
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = set(re.findall(r"^\[\^(\d+)\]:", text, flags=re.M))
    assert used == defined and len(used) > 40
    total_note = re.search(r"13\[\^(\d+)\] incidents", text).group(1)
    line = re.search(rf"^\[\^{total_note}\]: (.*)$", text, flags=re.M).group(1)
    assert sorted(int(i) for i in re.findall(r"#(\d+)", line)) == sorted(
        report.figures.month_blocks["total"].ids
    )
    assert "Ongoing cases (not counted)" in text and f"#{ids['c16']} " in text
    for name in charts.NAMES:
        assert (tmp_path / "nov-charts" / f"{name}.svg").read_text().lstrip().startswith("<?xml")
        assert (tmp_path / "nov-charts" / f"{name}.png").read_bytes()[:4] == b"\x89PNG"
    assert "![Incidents per block, last 12 months](nov-charts/blocks.png)" in text


def test_russian_text(archive):
    db, _ = archive
    body = draft(db, "2026-11", "md", "ru", today=TODAY).body
    assert body.startswith("# Мониторинг свободы слова: ноябрь 2026")
    assert "15\u00a0500\u00a0000" in body and "в 3,2 раза" in body
    assert "Продолжающиеся дела" in body


def test_kazakh_text(archive):
    """The third language, through the catalogue: Kazakh words, numbers, months and dates."""
    db, _ = archive
    body = draft(db, "2026-11", "md", "kk", today=TODAY).body
    assert body.startswith("# Сөз бостандығы мониторингі: 2026 жылғы қараша")
    assert "2026\u202fж. 1 желтоқсан" in body  # the draft's date, in Kazakh's long form
    assert "15\u00a0500\u00a0000" in body and "3,2 есе" in body
    assert "| Кибершабуылдар (DDoS, бұзып кіру) |" in body and "| Қараша |" in body
    assert "Жалғасып жатқан істер (есептелмейді)" in body
    html = draft(db, "2026-11", "html", "kk", today=TODAY).body
    assert '<html lang="kk">' in html and "Әр санның артындағы оқиғалар" in html
    english = draft(db, "2026-11", "md", "en", today=TODAY).body
    assert "on December 1, 2026." in english


def test_every_language_has_every_word(archive):
    """No report line left in English in Russian or Kazakh (labels, phrases, case statuses)."""
    db, _ = archive
    english = draft(db, "2026-11", "md", "en", today=TODAY).body
    for lang in ("ru", "kk"):
        body = draft(db, "2026-11", "md", lang, today=TODAY).body
        for phrase in (
            "The month in numbers",
            "Incidents by category",
            "first reported",
            ": in court —",
        ):
            assert phrase in english and phrase not in body, (lang, phrase)


def test_month_without_incidents_still_renders(archive):
    db, _ = archive
    body = draft(db, "2024-03", "html", "en", today=TODAY).body
    assert "No incidents were recorded in the same period of 2023." in body
    assert "No news about earlier cases this month." in body


def test_only_web_links_become_html_links(tmp_path):
    ids = build(tmp_path / "own.db")
    db = connect(tmp_path / "own.db")
    with write(db):
        db["articles"].insert(
            {
                "url": "javascript:alert(1)",
                "title": "Odd link",
                "outlet": "Dala Times",
                "published_at": "2026-11-20T10:00:00",
                "content_hash": "x",
            }
        )
        bad = db.execute("SELECT id FROM articles WHERE url = 'javascript:alert(1)'").fetchone()[0]
        db["incident_articles"].insert({"incident_id": ids["n10"], "article_id": bad})
    html = draft(db, "2026-11", "html", "en", today=TODAY).body
    assert 'href="javascript:' not in html and "Dala Times: Odd link (javascript:alert(1))" in html
