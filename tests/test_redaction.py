"""Redaction: an archive with a redacted minor, a redacted victim (in two inflected forms, in two
scripts) and a passage from a closed hearing. The monthly report (md, html, the pdf's html, the
frozen copy), every export (incidents, articles, raw tables, queries, the review app's) and the
Datasette view for non-reviewers (a real server) must show none of them; the archive keeps them."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib

import pytest
from fixtures_reports import build

from reports import exports
from reports.build import draft
from reports.frozen import publish
from storage import incidents, redactions
from storage.archive import connect, write
from storage.export import rows_of_query, rows_of_table, write_rows
from storage.incidents import IncidentFilter
from storage.pages import save_page
from storage.redacted_copy import redacted_copy
from storage.selections import ArticleFilter, select_articles, select_incidents

MINOR = "Ару Жаксыбек"
HEARING = "в закрытом заседании суд исследовал медицинское заключение"
SECRETS = ("Zarina Kopbayeva", "Зарина Копбаева", "Зарины Копбаевой", MINOR, HEARING)
PASSAGE = (
    f"Адвокат журналистки Зарины Копбаевой сообщил, что {HEARING} и выслушал "
    f"несовершеннолетнюю {MINOR}. ZARINA KOPBAYEVA the reporter was present."
)


def leaks(text: str) -> list[str]:
    low = text.lower()
    return [s for s in SECRETS if s.lower() in low]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("redaction") / "archive.db"
    ids = build(path)
    db = connect(path)
    article = db.execute("SELECT id, text FROM articles WHERE url LIKE '%/n8/0'").fetchone()
    text = article[1] + " " + PASSAGE
    page = save_page(
        db,
        url="https://news.example.test/n8/0",
        body=f"<html><body><p>{PASSAGE}</p></body></html>".encode(),
        status=200,
        headers={"content-type": "text/html; charset=utf-8"},
        source="fixture",
    )
    with write(db):
        db.execute(
            "UPDATE articles SET text = ?, page_id = ? WHERE id = ?", [text, page, article[0]]
        )
        db["mentions"].insert(
            {"article_id": article[0], "kind": "person", "text": "Зарины Копбаевой",
             "norm": "Зарина Копбаева", "role": "journalist", "start": 0, "end": 1}
        )  # fmt: skip
        db.execute(
            "UPDATE incidents SET summary = summary || ' ' || ? WHERE id = ?",
            [f"The court heard {MINOR}; {HEARING}.", ids["n8"]],
        )
        db.execute(
            "UPDATE developments SET note = note || ? WHERE incident_id = ?",
            [f" ({MINOR} testified)", ids["n8"]],
        )
    start = text.index(MINOR)
    redactions.add(db, "person", reviewer="alma", text="Zarina Kopbayeva", reason="victim")
    redactions.add(db, "person", reviewer="alma", text="Зарина Копбаева", reason="victim")
    redactions.add(db, "span", reviewer="alma", article_id=article[0], start=start,
                   end=start + len(MINOR), reason="minor")  # fmt: skip
    redactions.add(db, "span", reviewer="alma", text=HEARING, reason="closed hearing")
    return db, ids, path


def test_the_archive_keeps_the_originals_for_reviewers(archive):
    db, ids, _ = archive
    row = incidents.get_incident(db, ids["n8"])
    assert "Zarina Kopbayeva" in row["title"] and MINOR in row["summary"]
    forms = {f for r in redactions.active(db) for f in r["forms"]}
    assert {"Зарины Копбаевой", "Зарина Копбаева", MINOR} <= forms


def test_the_monthly_report_shows_none_of_them(archive, tmp_path):
    db, ids, _ = archive
    for lang in ("en", "ru"):
        for fmt in ("md", "html", "pdf"):
            report = draft(db, "2026-11", fmt, lang, tmp_path / f"r.{lang}.{fmt}")
            assert not leaks(report.body), (lang, fmt, leaks(report.body))
            assert "[redacted]" in report.body
            assert f"#{ids['n8']} " in report.body  # the incident is still reported
        for path in tmp_path.glob(f"r.{lang}.*"):
            if path.suffix != ".pdf":
                assert not leaks(path.read_text(encoding="utf-8"))
    publish(db, "2026-11", "ru")
    frozen = db.execute("SELECT body FROM reports ORDER BY id DESC").fetchone()[0]
    assert not leaks(frozen) and "[redacted]" in frozen


def test_every_export_shows_none_of_them(archive):
    db, _, _ = archive
    texts = []
    for rows, what in (
        (select_incidents(db, IncidentFilter())[0], "incidents"),
        (select_articles(db, ArticleFilter())[0], "articles"),
    ):
        for fmt in exports.FORMATS:
            out = io.StringIO()
            exports.write(exports.Export(rows, len(rows), what), fmt, out)
            texts.append(out.getvalue())
    for table in db.table_names():
        out = io.StringIO()
        write_rows(rows_of_table(db, table), "jsonl", out)
        texts.append(out.getvalue())
    out = io.StringIO()
    write_rows(rows_of_query(db, "SELECT text, norm FROM mentions"), "csv", out)
    texts.append(out.getvalue())
    texts.append(json.dumps(list(incidents.export_rows(db)), ensure_ascii=False))
    for text in texts:
        assert not leaks(text), leaks(text)
    assert any("[redacted]" in t for t in texts)
    exported = json.loads(texts[1])["items"]  # JSON facets stay JSON after redaction
    assert all(isinstance(r["victims"], list) for r in exported)


def test_the_redacted_snapshot_holds_none_of_them(archive, tmp_path):
    _, _, path = archive
    copy = connect(redacted_copy(path, tmp_path / "archive.db"), readonly=True)
    for table in copy.table_names():
        for row in copy.execute(f"SELECT * FROM [{table}]").fetchall():
            for value in row:
                if isinstance(value, bytes) and table == "pages":
                    value = zlib.decompress(value).decode("utf-8", "replace")
                if isinstance(value, str):
                    assert not leaks(value), (table, leaks(value))
    raw = (tmp_path / "archive.db").read_bytes()  # no freed page still holds the originals
    assert all(s.encode() not in raw for s in SECRETS)
    hits = copy.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ['"Жаксыбек"']
    ).fetchone()[0]
    assert hits == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base: str, path: str, params: dict | None = None) -> str:
    url = f"{base}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


@pytest.mark.server
def test_datasette_for_non_reviewers_shows_none_of_them(archive):
    _, _, path = archive
    port = free_port()
    command = [sys.executable, "-c", "from presswatch.cli import main; main()", "--db", str(path),
               "archive", "serve", "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 90
    try:
        while True:
            try:
                fetch(base, "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {proc.stdout.read().decode()[-2000:]}")
                time.sleep(0.3)
        db = path.stem
        pages = [
            fetch(base, f"/{db}/{t}.json", {"_shape": "array", "_size": "max"})
            for t in ("incidents", "articles", "mentions", "developments", "redactions")
        ]
        pages.append(fetch(base, f"/{db}/incidents"))  # the HTML table too
        pages.append(fetch(base, f"/{db}/articles.json", {"_search": "Копбаевой"}))
        sql = "SELECT group_concat(title || summary) AS t FROM incidents"
        pages.append(fetch(base, f"/{db}.json", {"sql": sql, "_shape": "array"}))
        for page in pages:
            decoded = json.loads(page) if page.startswith(("[", "{")) else page
            assert not leaks(json.dumps(decoded, ensure_ascii=False)), leaks(page)
        assert "[redacted]" in pages[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_a_reviewer_redacts_from_the_incident_page(tmp_path):
    import re

    from review.app import create_app
    from storage.reviewers import add_reviewer

    path = tmp_path / "archive.db"
    ids = build(path)
    db = connect(path)
    add_reviewer(db, "alma", "alma-password", "reviewer")
    client = create_app(path, "test-secret").test_client()
    origin = {"Origin": "http://localhost"}

    def csrf(page: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]

    client.post(
        "/login",
        data={"name": "alma", "password": "alma-password", "csrf_token": csrf(client.get("/login").text)},
        headers=origin,
    )  # fmt: skip
    page = client.get(f"/incidents/{ids['n8']}").text
    assert 'id="redact-form"' in page
    form = {"csrf_token": csrf(page), "kind": "person", "text": "Zarina Kopbayeva",
            "reason": "victim", "next": f"/incidents/{ids['n8']}"}  # fmt: skip
    resp = client.post("/redactions", data=form, headers=origin)
    assert resp.status_code == 302 and resp.location.endswith(f"/incidents/{ids['n8']}")
    assert "Zarina Kopbayeva" in client.get(f"/incidents/{ids['n8']}").text  # reviewers see it
    listing = client.get("/redactions").text
    assert "Zarina Kopbayeva" in listing and "Lift" not in listing  # lifting is for editors
    report = draft(db, "2026-11", "md", "en").body
    assert "Zarina Kopbayeva" not in report and "[redacted]" in report
    bad = client.post("/redactions", data={**form, "text": "ab"}, headers=origin)
    assert bad.status_code == 302 and len(redactions.active(db)) == 1


def test_the_redactions_commands(tmp_path):
    from click.testing import CliRunner

    from presswatch.cli import cli

    path = tmp_path / "archive.db"
    build(path)
    runner = CliRunner()
    base = ["--db", str(path), "redactions"]
    done = runner.invoke(cli, [*base, "add", "--person", "Timur Orynbek", "--reviewer", "alma"])
    assert done.exit_code == 0, done.output
    assert "Timur Orynbek" in runner.invoke(cli, [*base, "list"]).output
    out = runner.invoke(cli, ["--db", str(path), "incidents", "export", "--format", "csv"]).output
    assert "Timur Orynbek" not in out and "[redacted]" in out
    assert runner.invoke(cli, [*base, "remove", "1", "--reviewer", "alma"]).exit_code == 0
    out = runner.invoke(cli, ["--db", str(path), "incidents", "export", "--format", "csv"]).output
    assert "Timur Orynbek" in out
    assert runner.invoke(cli, [*base, "add", "--reviewer", "alma"]).exit_code == 2
