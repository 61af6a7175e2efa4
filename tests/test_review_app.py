"""The review app through Flask's test client: login, CSRF, headers, escaping, roles, conflicts."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from presswatch.demo_data.archive import build_demo_archive
from review.app import create_app
from storage import candidates
from storage.accounts import accounts_path, open_accounts
from storage.archive import connect
from storage.reviewers import add_reviewer, get_reviewer

ORIGIN = {"Origin": "http://localhost"}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo archive with three accounts, built once (argon2 hashing is slow on purpose)."""
    path = tmp_path_factory.mktemp("review") / "template.db"
    keys = build_demo_archive(path)
    db = open_accounts(path)
    for name, role in (("alma", "reviewer"), ("erzhan", "editor"), ("root", "admin")):
        add_reviewer(db, name, f"{name}-password", role)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, keys


@pytest.fixture
def db_path(template, tmp_path):
    """A fresh copy of the template archive for each test (overrides conftest's)."""
    path = tmp_path / "archive.db"
    shutil.copy(template[0], path)
    shutil.copy(accounts_path(template[0]), accounts_path(path))
    return path


@pytest.fixture
def demo(template, db_path):
    return template[1]


@pytest.fixture
def app(db_path, demo):
    return create_app(db_path, "test-secret")


def token(client, path="/login") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def login(app, name="alma"):
    client = app.test_client()
    resp = client.post(
        "/login",
        data={"name": name, "password": f"{name}-password", "csrf_token": token(client)},
        headers=ORIGIN,
    )
    assert resp.status_code == 302
    return client


def test_every_page_needs_login(app, demo):
    client = app.test_client()
    for path in (
        "/",
        "/incidents",
        f"/candidates/{demo['ddos-qala']}",
        "/evidence/1",
        "/incidents/export.csv",
        "/admin/reviewers",
    ):
        resp = client.get(path)
        assert resp.status_code == 302 and resp.location.startswith("/login"), path
    assert client.get("/api/incidents?q=x").status_code == 401
    assert client.get("/static/review.js").status_code == 200


def test_unauthenticated_post_refused_and_nothing_changes(app, db, demo):
    client = app.test_client()
    tok = token(client)
    resp = client.post(
        f"/candidates/{demo['ddos-qala']}/reject",
        data={"csrf_token": tok, "version": 1, "reason": "x"},
        headers=ORIGIN,
    )
    assert resp.status_code == 401
    assert candidates.current(db, demo["ddos-qala"])["status"] == "pending"


def test_session_cookie_flags(app):
    client = app.test_client()
    resp = client.post(
        "/login",
        data={"name": "alma", "password": "alma-password", "csrf_token": token(client)},
        headers=ORIGIN,
    )
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_rate_limited(app):
    client = app.test_client()
    tok = token(client)
    codes = [
        client.post(
            "/login", data={"name": "alma", "password": "nope", "csrf_token": tok}, headers=ORIGIN
        ).status_code
        for _ in range(6)
    ]
    assert codes == [401] * 5 + [429]
    good = client.post(
        "/login",
        data={"name": "alma", "password": "alma-password", "csrf_token": tok},
        headers=ORIGIN,
    )
    assert good.status_code == 429


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Origin": "https://evil.example"},
        {"Referer": "https://evil.example/x"},
        {"Origin": "null"},
    ],
)
def test_cross_site_post_refused(app, db, demo, headers):
    client = login(app)
    tok = token(client, "/")
    resp = client.post(
        f"/candidates/{demo['ddos-qala']}/reject",
        data={"csrf_token": tok, "version": 1, "reason": "x"},
        headers=headers,
    )
    assert resp.status_code == 403
    assert candidates.current(db, demo["ddos-qala"])["status"] == "pending"


def test_post_without_token_refused(app, db, demo):
    client = login(app)
    resp = client.post(
        f"/candidates/{demo['ddos-qala']}/reject",
        data={"version": 1, "reason": "x"},
        headers=ORIGIN,
    )
    assert resp.status_code == 403
    resp = client.post(
        f"/candidates/{demo['ddos-qala']}/reject",
        data={"version": 1, "reason": "x", "csrf_token": "forged"},
        headers=ORIGIN,
    )
    assert resp.status_code == 403
    assert candidates.current(db, demo["ddos-qala"])["status"] == "pending"


def test_security_headers_everywhere(app, demo):
    client = login(app)
    for path in (
        "/",
        f"/candidates/{demo['detention-hostile']}",
        "/incidents",
        "/incidents/1",
        "/evidence/1",
        "/nonexistent",
    ):
        resp = client.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
    frame = client.get("/evidence/1/frame")
    assert frame.headers["Content-Security-Policy"] == "sandbox; default-src 'none'; img-src data:"
    assert (
        "<script" not in frame.text
        and "onerror" not in frame.text
        and "javascript:" not in frame.text
    )
    assert 'sandbox=""' in client.get("/evidence/1").text


def test_hostile_text_is_escaped(app, demo):
    client = login(app)
    cid = demo["detention-hostile"]
    for path in ("/?status=", f"/candidates/{cid}", "/incidents"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
    html = client.get(f"/candidates/{cid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None  # no inline scripts at all


def _decide(client, cid, action, **data):
    return client.post(
        f"/candidates/{cid}/{action}",
        data={"csrf_token": token(client, f"/candidates/{cid}"), **data},
        headers=ORIGIN,
    )


def test_accept_with_edit_then_incident_page(app, db, demo):
    client = login(app)
    cid = demo["fine-esimov"]
    assert "accepted <b>1</b>" in client.get("/").text  # fills the counts cache
    resp = _decide(
        client,
        cid,
        "accept",
        version=1,
        place="Нур-Астана",
        legal_refs="CAO 456-2 3\nCC 274",
        amounts="30 MCI fine",
    )
    assert resp.status_code == 302
    row = candidates.current(db, cid)
    assert "accepted <b>2</b>" in client.get("/").text  # a write clears the cache
    page = client.get(f"/incidents/{row['incident_id']}").text
    assert "Нур-Астана" in page and "CC 274" in page and "alma" in page and "accept" not in ""


def test_second_reviewer_gets_conflict_page(app, db, demo):
    alma, erzhan = login(app), login(app, "erzhan")
    cid = demo["threat-dala"]
    tok_a, tok_e = token(alma, f"/candidates/{cid}"), token(erzhan, f"/candidates/{cid}")
    first = alma.post(
        f"/candidates/{cid}/reject",
        headers=ORIGIN,
        data={"csrf_token": tok_a, "version": 1, "reason": "rumour"},
    )
    assert first.status_code == 302
    second = erzhan.post(
        f"/candidates/{cid}/accept",
        headers=ORIGIN,
        data={"csrf_token": tok_e, "version": 1, "place": "Алматы-сити"},
    )
    assert second.status_code == 409
    assert "alma" in second.text and "reject" in second.text and "rumour" in second.text
    assert "Алматы-сити" in second.text  # their unsaved value is shown back
    assert candidates.current(db, cid)["status"] == "rejected"


def test_roles(app, demo):
    alma, erzhan, root = login(app), login(app, "erzhan"), login(app, "root")
    data = {"version": 1, "place": "Somewhere"}
    resp = alma.post(
        "/incidents/1/edit",
        headers=ORIGIN,
        data={**data, "csrf_token": token(alma, "/incidents/1")},
    )
    assert resp.status_code == 403
    resp = erzhan.post(
        "/incidents/1/edit",
        headers=ORIGIN,
        data={**data, "csrf_token": token(erzhan, "/incidents/1")},
    )
    assert resp.status_code == 302 and "Somewhere" in erzhan.get("/incidents/1").text
    assert erzhan.get("/admin/reviewers").status_code == 403
    assert root.get("/admin/reviewers").status_code == 200


def test_disabled_account_loses_its_session(app, db):
    from storage.reviewers import set_disabled

    client = login(app)
    set_disabled(open_accounts(db), "alma")
    assert client.get("/").status_code == 302


def test_exports_follow_filters(app, demo):
    client = login(app)
    rows = json.loads(client.get("/incidents/export.json?q=Касымов").text)
    assert [r["title"] for r in rows] == ["Возбуждено дело против оператора Ерлана Касымова"]
    csv_text = client.get("/incidents/export.csv?category=legal").text
    assert csv_text.splitlines()[0].startswith("id,category")
    assert client.get("/incidents/export.csv?category=access").text.count("\n") == 1


def test_undo_and_next(app, db, demo):
    client = login(app)
    cid = demo["attack-satpayeva"]
    _decide(client, cid, "skip", version=1)
    assert candidates.current(db, cid)["status"] == "skipped"
    resp = client.post("/undo", data={"csrf_token": token(client, "/")}, headers=ORIGIN)
    assert resp.location.endswith(f"/candidates/{cid}")
    assert candidates.current(db, cid)["status"] == "pending"
    assert client.get("/next").location.endswith(f"/candidates/{cid}")


def test_untouched_fields_survive_accept(app, db, demo):
    """The form shows amounts without their tenge value; accepting unedited must keep it."""
    client = login(app)
    cid = demo["fine-esimov"]
    html = client.get(f"/candidates/{cid}").text
    fields = {
        name: re.search(rf'<textarea name="{name}"[^>]*>([^<]*)</textarea>', html).group(1)
        for name in ("victims", "outlets", "legal_refs", "amounts")
    }
    resp = _decide(client, cid, "accept", version=1, **fields, place="Астана")
    assert resp.status_code == 302
    incident_id = candidates.current(db, cid)["incident_id"]
    from storage import incidents

    assert incidents.current(db, incident_id)["amounts"][0]["kzt"] == 110760
    assert incidents.get_incident(db, incident_id)["history"][0]["after"]["edits"] == {}


def test_the_cyberattack_kind_is_corrected_on_accept(app, db, demo):
    client = login(app)
    cid = demo["ddos-qala"]
    page = client.get(f"/candidates/{cid}").text
    assert 'name="cyber_kind"' in page and 'value="attempted_hacking"' in page
    version = candidates.current(db, cid)["version"]
    resp = _decide(client, cid, "accept", version=version, cyber_kind="attempted_hacking")
    assert resp.status_code == 302
    incident = candidates.current(db, cid)["incident_id"]
    assert db.execute("SELECT cyber_kind FROM incidents WHERE id = ?", [incident]).fetchone()[
        0
    ] == ("attempted_hacking")


def _get(client, path, lang):
    return client.get(path, headers={"Accept-Language": lang})


def test_language_follows_accept_language_until_chosen(app, db):
    client = app.test_client()
    assert '<html lang="kk">' in _get(client, "/login", "kk-KZ,kk;q=0.9").text
    assert "Кіру" in _get(client, "/login", "kk").text
    assert "Войти" in _get(client, "/login", "ru-RU,ru;q=0.9,en;q=0.5").text
    assert "Log in" in _get(client, "/login", "de-DE").text  # not offered: English
    assert "Log in" in client.get("/login").text


def test_reviewer_choice_is_stored_and_wins(app, db):
    client = login(app)
    resp = client.post(
        "/language",
        data={"csrf_token": token(client, "/"), "lang": "kk", "next": "/incidents"},
        headers=ORIGIN,
    )
    assert resp.status_code == 302 and resp.location.endswith("/incidents")
    assert get_reviewer(db, "alma")["lang"] == "kk"
    page = _get(client, "/", "ru").text  # the account's choice beats the browser's
    assert '<html lang="kk">' in page and "Кезек" in page
    resp = client.post(
        "/language",
        data={"csrf_token": token(client, "/"), "lang": "xx", "next": "//evil.example/"},
        headers=ORIGIN,
    )
    assert resp.location == "/"  # never an open redirect
    assert "Белгісіз тіл." in client.get("/").text and get_reviewer(db, "alma")["lang"] == "kk"


def test_categories_and_codes_by_their_names(app, demo):
    client = login(app)
    english = client.get("/").text
    assert "Cyberattacks (DDoS, hacking)" in english and ">access.cyberattack<" not in english
    russian = _get(client, "/", "ru").text
    assert "Кибератаки (DDoS, взломы)" in russian and "ожидает" in russian
    kazakh = _get(client, f"/candidates/{demo['ddos-qala']}", "kk").text
    assert "Кибершабуылдар (DDoS, бұзып кіру)" in kazakh
    assert re.search(r'<option value="state:police"\s*>мемлекет: полиция</option>', kazakh)
    assert re.search(r'<option value="reported"\s+selected>хабарланды</option>', kazakh)


def test_flash_messages_and_errors_translated(app, db, demo):
    client = login(app)
    cid = demo["threat-dala"]
    tok = token(client, f"/candidates/{cid}")
    client.post(
        f"/candidates/{cid}/reject",
        data={"csrf_token": tok, "version": 1, "reason": "слух"},
        headers={**ORIGIN, "Accept-Language": "ru"},
    )
    assert f"Кандидат №{cid} отклонён." in _get(client, "/", "ru").text
    missing = _get(client, "/incidents/999999", "kk")
    assert missing.status_code == 404 and "Табылмады" in missing.text
    assert "Бұл мекенжайда ештеңе жоқ." in missing.text
    refused = client.post(
        "/incidents/1/edit", data={"csrf_token": tok}, headers={**ORIGIN, "Accept-Language": "ru"}
    )
    assert refused.status_code == 403 and "Для этого нужна роль «редактор»." in refused.text
    bad = client.post(
        f"/candidates/{demo['ddos-qala']}/accept",
        data={"csrf_token": tok, "version": 1, "amounts": "много"},
        headers={**ORIGIN, "Accept-Language": "kk"},
    )
    assert "Сома &#39;много&#39;: СОМА БІРЛІК [ТҮРІ]" in _get(client, bad.location, "kk").text
    cid = demo["blocking-altyn"]  # storage's own refusal, translated at the boundary
    no_reason = client.post(
        f"/candidates/{cid}/reject",
        data={"csrf_token": tok, "version": 1, "reason": " "},
        headers={**ORIGIN, "Accept-Language": "kk"},
    )
    assert "қабылдамау үшін себеп керек" in _get(client, no_reason.location, "kk").text


def test_dates_and_numbers_in_the_readers_format(app, demo):
    client = login(app)
    english, russian = client.get("/").text, _get(client, "/", "ru").text
    assert re.search(r"<td>[A-Z][a-z]{2} \d{1,2}, 2026</td>", english)  # Nov 15, 2026
    assert re.search(r"<td>\d{1,2} [а-я]{3,4}\.? 2026\s?г\.</td>", russian)  # 15 нояб. 2026 г.
    assert re.search(r'<td class="num">0,\d\d</td>', russian)  # confidence 0,85
