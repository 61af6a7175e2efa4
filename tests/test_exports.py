"""Incident and article exports: filters, partial notes, and CSV/JSON round trips."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures_reports import build

from presswatch.cli import cli
from reports.exports import read
from storage.archive import connect
from storage.incidents import IncidentFilter
from storage.selections import ArticleFilter, select_articles, select_incidents


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "archive.db"
    ids = build(path)
    return path, ids


def run(path, *args):
    result = CliRunner().invoke(cli, ["--db", str(path), *args])
    assert result.exit_code == 0, result.output
    return result


def stored(path, **filters):
    rows, _ = select_incidents(connect(path, readonly=True), IncidentFilter(**filters))
    for row in rows:
        for column in ("victims", "outlets", "legal_refs", "amounts"):
            row[column] = json.loads(row[column])
    return rows


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_incident_export_round_trips(archive, tmp_path, fmt):
    path, _ = archive
    out = tmp_path / f"incidents.{fmt}"
    run(path, "incidents", "export", "--format", fmt, "--category", "legal", "-o", str(out))
    rows, note = read(out.read_text(), fmt)
    assert note is None
    assert rows == stored(path, category="legal")
    assert len(rows) == 17  # 3 in 2025, 13 to November 2026, d1


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_partial_export_says_so_in_the_file(archive, tmp_path, fmt):
    path, _ = archive
    out = tmp_path / f"part.{fmt}"
    result = run(
        path,
        "incidents",
        "export",
        "--format",
        fmt,
        "--since",
        "2026-11-01",
        "--until",
        "2026-11-30",
        "--limit",
        "5",
        "-o",
        str(out),
    )
    rows, note = read(out.read_text(), fmt)
    # events in November: n1..n11, n13 and d1 (n12 happened on 30 October)
    assert note == "5 of 13 incidents (cut by --limit)"
    assert rows == stored(path, since="2026-11-01", until="2026-11-30")[:5]
    assert "partial export" in result.output
    if fmt == "json":
        assert json.loads(out.read_text())["partial"] is True
    else:
        assert out.read_text().startswith("# partial: 5 of 13")


def test_incident_filters_outlet_and_status(archive):
    path, ids = archive
    rows, _ = read(
        run(
            path,
            "incidents",
            "export",
            "--format",
            "json",
            "--status",
            "decision",
            "--outlet",
            "Qala News",
        ).output,
        "json",
    )
    assert {r["status"] for r in rows} == {"decision"}
    assert all("Qala News" in r["outlets"] for r in rows) and rows


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_article_export_round_trips(archive, tmp_path, fmt):
    path, _ = archive
    out = tmp_path / f"articles.{fmt}"
    run(
        path,
        "articles",
        "export",
        "--format",
        fmt,
        "--outlet",
        "Dala Times",
        "--since",
        "2026-01-01",
        "-o",
        str(out),
    )
    rows, note = read(out.read_text(), fmt)
    expected, total = select_articles(
        connect(path, readonly=True), ArticleFilter("Dala Times", since="2026-01-01")
    )
    for row in expected:
        row["authors"] = json.loads(row["authors"]) if row["authors"] else None
    assert note is None and rows == expected and total == len(rows) > 0


def test_incident_filters_text_and_language(archive):
    path, ids = archive
    rows, _ = read(
        run(path, "incidents", "export", "--format", "json", "--q", "Orynbek").output, "json"
    )
    assert sorted(r["id"] for r in rows) == sorted([ids["c12"], ids["n5"]])
    rows, _ = read(
        run(path, "incidents", "export", "--format", "json", "--lang", "ru").output, "json"
    )
    assert rows == []  # the fixture's articles are all in English
