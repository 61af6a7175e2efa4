"""`presswatch archive serve`: a real Datasette server answers every canned query over HTTP."""

from __future__ import annotations

import contextlib
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

import pytest
from fixtures_reports import build

from reports.datasette_meta import metadata
from storage.accounts import open_accounts
from storage.archive import connect, write
from storage.canned import CANNED
from storage.reviewers import add_reviewer, verify
from storage.sessions import start_session

PARAMS = {
    "incidents_by_month_and_category": {},
    "articles_mentioning_person": {"person": "Orynbek"},
    "legal_references_by_article": {"law_article": "456-2", "code": "CAO"},
    "silent_sources": {"days": "3"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base: str, path: str, params: dict | None = None) -> dict:
    url = f"{base}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def raw(base: str, path: str, params: dict | None = None) -> tuple[int, str]:
    """Status and body of a GET, error statuses included."""
    url = f"{base}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def tag(path) -> None:
    """Tagger output the canned queries read: a person mention and a legal reference."""
    db = connect(path)
    article = db.execute("SELECT id FROM articles WHERE url LIKE '%/n5/0'").fetchone()[0]
    fined = db.execute("SELECT id FROM articles WHERE url LIKE '%/n10/0'").fetchone()[0]
    with write(db):
        db["mentions"].insert(
            {
                "article_id": article,
                "kind": "person",
                "text": "Timur Orynbek",
                "norm": "Timur Orynbek",
                "role": "journalist",
                "start": 9,
                "end": 22,
            }
        )
        db["legal_refs"].insert(
            {
                "article_id": fined,
                "code": "CAO",
                "article": "456-2",
                "part": "3",
                "text": "article 456-2",
                "start": 0,
                "end": 13,
            }
        )
        db["sources"].insert(
            {"name": "quiet_feed", "outlet": "Dala Times", "kind": "feed", "enabled": 1}
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    path = folder / "archive.db"
    build(path)
    tag(path)
    with open_accounts(path) as accounts:
        add_reviewer(accounts, "alma", "alma-password", "admin")
        start_session(accounts, verify(accounts, "alma", "alma-password")["id"])
    with serving(path) as base:
        yield base, path


@contextlib.contextmanager
def serving(path, *options: str, env: dict | None = None):
    """``presswatch archive serve`` (with ``options``) on a free port; yields its base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from presswatch.cli import main; main()",
        "--db",
        str(path),
        "archive",
        "serve",
        "--port",
        str(port),
    ]
    log_path = path.with_name(f"serve-{port}.log")  # a file, not a pipe: tracebacks are long
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [*command, *options],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            get(base, "/-/versions.json")
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                output = log_path.read_text(errors="replace")[-2000:]
                pytest.fail(f"datasette did not start: {output}")
            time.sleep(0.3)
    try:
        yield base
    finally:
        proc.terminate()  # the command stops its Datasette child on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
    assert proc.returncode == 0


pytestmark = pytest.mark.server


def test_every_canned_query_answers(server):
    base, _ = server
    assert set(PARAMS) == set(CANNED)
    results = {
        name: get(base, f"/archive/{name}.json", {**params, "_shape": "objects"})
        for name, params in PARAMS.items()
    }
    by_month = {
        (r["month"], r["category"]): r["incidents"]
        for r in results["incidents_by_month_and_category"]["rows"]
    }
    assert sum(v for (m, _), v in by_month.items() if m == "2026-11") == 13  # as the report counts
    assert by_month[("2026-11", "access.cyberattack")] == 2
    assert [r["names"] for r in results["articles_mentioning_person"]["rows"]] == ["Timur Orynbek"]
    assert [r["cited_as"] for r in results["legal_references_by_article"]["rows"]] == [
        "article 456-2"
    ]
    assert [r["name"] for r in results["silent_sources"]["rows"]] == ["quiet_feed"]


def test_full_text_search_and_descriptions(server):
    base, _ = server
    found = get(base, "/archive/articles.json", {"_search": "DDoS", "_shape": "objects"})
    assert found["rows"] and all("DDoS" in r["title"] for r in found["rows"])
    meta = get(base, "/-/metadata.json")
    tables = meta["databases"]["archive"]["tables"]
    assert tables["incidents"]["description"].startswith("accepted incidents")
    assert "case status" in tables["incidents"]["columns"]["status"]


def test_archive_is_read_only(server):
    base, path = server
    sql = "INSERT INTO sources (name, kind) VALUES ('x', 'feed')"
    with pytest.raises(urllib.error.HTTPError):
        get(base, "/archive.json", {"sql": sql})
    assert (
        connect(path, readonly=True)
        .execute("SELECT count(*) FROM sources WHERE name='x'")
        .fetchone()[0]
        == 0
    )


def test_reviewer_table_is_not_browsable(server):
    base, _ = server
    with pytest.raises(urllib.error.HTTPError):
        get(base, "/archive/reviewers.json")


def test_metadata_is_generated_from_data_md():
    meta = metadata("archive")["databases"]["archive"]
    assert {"incidents", "articles", "reports", "developments"} <= set(meta["tables"])
    assert meta["tables"]["articles"]["fts_table"] == "articles_fts"
    assert "victims" in meta["tables"]["incidents"]["columns"]


SECRET_SQL = (
    "select * from reviewers",
    "select * from sessions",
    "select name, sql from sqlite_master",
    "select * from pragma_table_info('reviewers')",
    "select * from pragma_database_list",
    "attach database 'archive-accounts.db' as a",
    "select * from a.reviewers",
)


def secrets_of(path) -> list[str]:
    """What must never be served: password hashes, session token hashes, their column names."""
    with open_accounts(path, readonly=True) as accounts:
        hashes = [r[0] for r in accounts.execute("SELECT password_hash FROM reviewers")]
        tokens = [r[0] for r in accounts.execute("SELECT token_hash FROM sessions")]
    assert hashes and tokens and hashes[0].startswith("$argon2")
    return [*hashes, *tokens, "password_hash", "token_hash", "$argon2"]


def test_no_secret_readable_through_datasette(server):
    base, path = server
    secrets = secrets_of(path)
    pages = [
        "/archive/reviewers",
        "/archive/reviewers.json",
        "/archive/reviewers.csv",
        "/archive/sessions.json",
        "/archive.json",
        "/archive",
        "/-/databases.json",
        "/-/metadata.json",
        "/_internal",
        "/_internal.json",
        "/_internal/columns.json",
        "/_internal/tables.csv",
        "/archive-accounts",
        "/archive-accounts.json",
        "/archive-accounts/reviewers.json",
    ]
    bodies = {page: raw(base, page) for page in pages}
    for sql in SECRET_SQL:
        for fmt in ("json", "csv"):
            bodies[f"{fmt}:{sql}"] = raw(base, f"/archive.{fmt}", {"sql": sql, "_size": "max"})
        bodies[f"internal:{sql}"] = raw(base, "/_internal.json", {"sql": sql})
    internal = "select * from columns union all select null, null, null, sql, null, null, null "
    bodies["internal columns"] = raw(base, "/_internal.json", {"sql": internal})
    for name, params in PARAMS.items():
        bodies[name] = raw(base, f"/archive/{name}.json", {**params, "_shape": "objects"})
    leaks = {key: s for key, (_, body) in bodies.items() for s in secrets if s in body}
    assert leaks == {}
    assert bodies["/archive/reviewers.json"][0] == 404
    assert [d["name"] for d in get(base, "/-/databases.json")] == ["archive"]
    assert "reviewers" not in get(base, "/archive.json")["tables"].__repr__()


def test_canned_query_titles_in_the_readers_language(tmp_path):
    """Titles come from the catalogues: ``--lang``, else PRESSWATCH_LANG / LANG."""
    path = tmp_path / "archive.db"
    build(path)
    with serving(path, "--lang", "kk", env={"PRESSWATCH_LANG": "ru"}) as base:
        with urllib.request.urlopen(f"{base}/archive", timeout=30) as response:
            page = response.read().decode()
        assert "Айлар мен санаттар бойынша оқиғалар" in page and "Үнсіз дереккөздер" in page
        assert "Incidents by month and category" not in page
    ru = metadata("archive", lang="ru")
    assert ru["title"] == "Архив Presswatch"
    assert ru["databases"]["archive"]["queries"]["silent_sources"]["title"] == "Молчащие источники"
    assert metadata("archive")["databases"]["archive"]["queries"]["silent_sources"]["title"] == (
        "Silent sources"
    )


def test_a_redaction_added_while_serving_reaches_datasette(tmp_path):
    """Nothing redacted at start (the archive itself is served); a reviewer redacts a name; within
    a few checks Datasette serves a snapshot without it, on the same address."""
    from storage.redactions import add

    path = tmp_path / "archive.db"
    build(path)
    sql = "select count(*) as n from articles where text like '%Timur Orynbek%'"
    with serving(path, "--check-every", "0.5") as base:
        assert get(base, "/archive.json", {"sql": sql, "_shape": "array"})[0]["n"] > 0
        with connect(path) as db:
            add(db, "person", reviewer="alma", text="Timur Orynbek", reason="minor")
        deadline, n = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            try:
                n = get(base, "/archive.json", {"sql": sql, "_shape": "array"})[0]["n"]
            except (urllib.error.URLError, ConnectionError):
                n = None  # restarting
            if n == 0:
                break
            time.sleep(0.5)
        assert n == 0
