"""Login redirects, logout and account changes in real Chromium against a running ``presswatch
review``: a hostile ``next`` never leaves the site, and a cookie kept after logout, a password
reset or a disable opens nothing."""

# ruff: noqa: F811 - the fixtures imported from test_review_browser are parameters here
from __future__ import annotations

import http.server
import threading
from urllib.parse import quote

import pytest
from review_server import login, password
from test_review_browser import archive, base, browser  # noqa: F401

from storage.accounts import open_accounts
from storage.reviewers import add_reviewer, set_disabled

pytestmark = [pytest.mark.browser, pytest.mark.server]


class _Elsewhere(http.server.BaseHTTPRequestHandler):
    """Another origin on loopback: an open redirect would land here."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<h1>elsewhere</h1>")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def elsewhere():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Elsewhere)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()


def hostile(host: str) -> list[str]:
    return [
        f"/%09/{host}/",
        f"/%0a/{host}/",
        f"/%0d%0a/{host}/",
        f"//{host}/",
        f"/\\{host}/",
        f"\\\\{host}/",
        f"/%5C{host}/",
        f"http://{host}/",
        f"/.//{host}/",
        f" //{host}/",
    ]


@pytest.fixture
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def test_hostile_next_never_leaves_the_site(base, browser, elsewhere):
    _Elsewhere.hits.clear()
    landed = {}
    for target in hostile(elsewhere):
        ctx = browser.new_context()
        page = ctx.new_page()
        statuses: list[int] = []
        page.on("response", lambda r, s=statuses: s.append(r.status))
        page.goto(f"{base}/login?next={target.replace(' ', '%20')}")  # %09 arrives as a tab
        page.fill("input[name=name]", "alma")
        page.fill("input[name=password]", password("alma"))
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
        landed[target] = (page.url, [s for s in statuses if s >= 500])
        ctx.close()
    assert _Elsewhere.hits == []
    assert {t: u for t, (u, _) in landed.items() if u != f"{base}/"} == {}
    assert {t: e for t, (_, e) in landed.items() if e} == {}


def test_local_next_is_kept(base, context):
    page = context.new_page()
    page.goto(f"{base}/incidents?q={quote('Касымов')}")
    assert "/login?next=" in page.url
    page.fill("input[name=name]", "alma")
    page.fill("input[name=password]", password("alma"))
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/incidents?q=*")


def replay(browser, cookies, url):
    ctx = browser.new_context()
    ctx.add_cookies(cookies)
    page = ctx.new_page()
    page.goto(url)
    out = page.url
    ctx.close()
    return out


def test_cookie_replayed_after_logout_opens_nothing(base, browser, context):
    page = context.new_page()
    login(page, base, "bota")
    cookies = context.cookies()
    assert replay(browser, cookies, f"{base}/incidents") == f"{base}/incidents"  # a live session
    page.click("#logout button[type=submit]")
    page.wait_for_url(f"{base}/login")
    assert replay(browser, cookies, f"{base}/incidents").startswith(f"{base}/login")


def test_password_reset_and_disable_end_browser_sessions(archive, base, browser, context):
    page = context.new_page()
    login(page, base, "erzhan")
    cookies = context.cookies()
    with open_accounts(archive[0]) as accounts:
        add_reviewer(accounts, "erzhan", password("erzhan"), "editor")  # a reset, same password
    assert replay(browser, cookies, f"{base}/").startswith(f"{base}/login")
    page.goto(f"{base}/")
    assert page.url.startswith(f"{base}/login")
    login(page, base, "erzhan")
    cookies = context.cookies()
    with open_accounts(archive[0]) as accounts:
        set_disabled(accounts, "erzhan")
        set_disabled(accounts, "erzhan", False)
    assert replay(browser, cookies, f"{base}/").startswith(f"{base}/login")


def test_password_change_in_the_browser_ends_the_other_session(archive, base, browser):
    mine, other = browser.new_context(), browser.new_context()
    try:
        page, elsewhere = mine.new_page(), other.new_page()
        login(page, base, "alma")
        login(elsewhere, base, "alma")
        page.click("header a[href='/account/password']")
        page.fill("input[name=password]", password("alma"))
        page.fill("input[name=new_password]", "alma-new-password")
        page.fill("input[name=confirm]", "alma-new-password")
        page.click("main button[type=submit]")
        page.wait_for_url(f"{base}/")
        assert "other session" in page.inner_text(".flashes")
        elsewhere.goto(f"{base}/incidents")
        assert elsewhere.url.startswith(f"{base}/login")
    finally:
        mine.close()
        other.close()
        with open_accounts(archive[0]) as accounts:
            add_reviewer(accounts, "alma", password("alma"), "reviewer")
