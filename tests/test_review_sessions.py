# ruff: noqa: F811 - the fixtures imported from test_review_app are parameters here
"""Sessions and redirects of the review app over HTTP (Flask's test client): server-side logout,
cookies replayed after logout, password reset and disable, and a fuzz of the login ``next``."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from hostile_next import HOSTS, PREFIXES, SAFE, browser_target, hostile_next
from test_review_app import ORIGIN, app, db_path, demo, login, template, token  # noqa: F401

from review.auth import safe_next
from storage.accounts import open_accounts
from storage.reviewers import add_reviewer, set_disabled


def test_next_fuzz_never_leaves_the_origin():
    cases = hostile_next()
    refused = 0
    for target in cases:
        kept = safe_next(target)
        if kept is None:
            refused += 1
            continue
        assert kept == target
        assert urlsplit(browser_target(kept)).netloc == "localhost", repr(target)
    hosts = [p + h for p in PREFIXES for h in HOSTS]
    assert all(safe_next(t) is None for t in hosts)  # no prefix/host combination gets through
    assert all(safe_next(t) == t for t in SAFE)
    assert refused > len(hosts)


def login_with_next(client, target: str):
    """alma logs in with ``next=target`` (a CSRF token from the login page's session)."""
    data = {"name": "alma", "password": "alma-password", "csrf_token": token(client)}
    return client.post("/login", data={**data, "next": target}, headers=ORIGIN)


@pytest.mark.parametrize(
    "target",
    [
        "/%09/evil.example",
        "/\t/evil.example",
        "/\n/x",
        "/\r\n/x",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "/%0d%0aSet-Cookie:x=1",
        "/" + "a" * 5000,
    ],
)
def test_login_with_hostile_next_lands_on_the_queue(app, target):
    client = app.test_client()
    page = client.get(f"/login?next={quote(target, safe='')}")
    assert page.status_code == 200
    resp = login_with_next(client, target)
    assert resp.status_code == 302 and resp.location == "/", resp.location


def test_login_keeps_a_local_next(app):
    client = app.test_client()
    assert login_with_next(client, "/incidents?q=x").location == "/incidents?q=x"


def cookie_of(client) -> str:
    return client.get_cookie("presswatch_review").value


def replay(app, cookie: str):
    other = app.test_client()
    other.set_cookie("presswatch_review", cookie)
    return other


def test_cookie_replayed_after_logout_is_refused(app, demo):
    client = login(app)
    saved = cookie_of(client)
    assert replay(app, saved).get("/").status_code == 200
    resp = client.post("/logout", data={"csrf_token": token(client, "/")}, headers=ORIGIN)
    assert resp.status_code == 302
    again = replay(app, saved)
    resp = again.get("/")
    assert resp.status_code == 302 and resp.location.startswith("/login")
    assert again.get("/api/incidents?q=x").status_code == 401
    reject = replay(app, saved).post(
        f"/candidates/{demo['ddos-qala']}/reject",
        data={"csrf_token": "whatever", "version": 1, "reason": "x"},
        headers=ORIGIN,
    )
    assert reject.status_code in (401, 403)


def test_logout_ends_only_that_session(app):
    first, second = login(app), login(app)
    first.post("/logout", data={"csrf_token": token(first, "/")}, headers=ORIGIN)
    assert first.get("/").status_code == 302
    assert second.get("/").status_code == 200


def test_password_reset_ends_sessions(app, db_path):
    client = login(app)
    saved = cookie_of(client)
    add_reviewer(open_accounts(db_path), "alma", "a brand new password", "reviewer")
    assert client.get("/").status_code == 302
    assert replay(app, saved).get("/").status_code == 302


def test_admin_disabling_an_account_ends_its_sessions(app):
    alma, root = login(app), login(app, "root")
    saved = cookie_of(alma)
    resp = root.post(
        "/admin/reviewers/alma/disabled",
        data={"csrf_token": token(root, "/admin/reviewers"), "disabled": "1"},
        headers=ORIGIN,
    )
    assert resp.status_code == 302
    assert replay(app, saved).get("/").status_code == 302
    set_disabled(open_accounts(app.extensions["presswatch_archive"].path), "alma", False)
    assert replay(app, saved).get("/").status_code == 302  # enabling again revives nothing


def change(client, current, new, confirm=None):
    return client.post(
        "/account/password",
        data={
            "csrf_token": token(client, "/account/password"),
            "password": current,
            "new_password": new,
            "confirm": new if confirm is None else confirm,
        },
        headers=ORIGIN,
    )


def test_changing_ones_password_ends_every_other_session(app):
    here, elsewhere = login(app), login(app)
    saved = cookie_of(here)
    resp = change(here, "alma-password", "a fresh password")
    assert resp.status_code == 302 and resp.location == "/"
    assert here.get("/").status_code == 200  # this browser stays in, with a new session
    assert elsewhere.get("/").status_code == 302  # the other one is out
    assert replay(app, saved).get("/").status_code == 302  # and so is the cookie from before
    fresh = app.test_client()
    resp = fresh.post(
        "/login",
        data={"name": "alma", "password": "a fresh password", "csrf_token": token(fresh)},
        headers=ORIGIN,
    )
    assert resp.status_code == 302


def test_password_change_refusals_change_nothing(app):
    client, other = login(app), login(app)
    assert change(client, "wrong-password", "a fresh password").status_code == 400
    assert change(client, "alma-password", "a fresh password", "typo").status_code == 400
    assert change(client, "alma-password", "short").status_code == 400
    assert other.get("/").status_code == 200  # nothing ended
    assert "Change your password" in client.get("/account/password").text
