"""The review app in real Chromium, driven by Playwright against a running ``presswatch review``."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from review_server import chromium, demo_archive, login, review_server

from storage import candidates, incidents
from storage.archive import connect

pytestmark = [pytest.mark.browser, pytest.mark.server]
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("review-browser") / "archive.db"
    return path, demo_archive(path)


@pytest.fixture(scope="module")
def base(archive):
    with review_server(archive[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def watched(browser):
    """A fresh context whose pages record every dialog (an executed payload would open one)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    dialogs: list[str] = []
    context.on(
        "page", lambda page: page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    )
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, dialogs
    context.close()


def status(archive, key: str) -> dict:
    db = connect(archive[0])
    try:
        return candidates.current(db, archive[1][key])
    finally:
        db.close()


def test_keyboard_triage(archive, base, watched):
    page, dialogs = watched
    keys = archive[1]
    login(page, base, "alma")
    page.wait_for_selector("table.queue tbody tr")
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_IMG / "review-queue.png"))

    page.goto(f"{base}/candidates/{keys['fine-esimov']}")
    page.keyboard.press("2")
    assert page.locator("#art-2").is_visible()
    page.keyboard.press("1")
    page.screenshot(path=str(DOCS_IMG / "review-candidate.png"))
    page.keyboard.press("r")
    page.keyboard.type("already reported elsewhere")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/candidates/{keys['fine-esimov']}" not in url)
    assert status(archive, "fine-esimov")["status"] == "rejected"

    page.goto(f"{base}/candidates/{keys['attack-satpayeva']}")
    page.fill("#f-place", "Алматы, Медеуский район")
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.wait_for_url(lambda url: f"/candidates/{keys['attack-satpayeva']}" not in url)
    accepted = status(archive, "attack-satpayeva")
    assert accepted["status"] == "accepted"

    page.goto(f"{base}/candidates/{keys['summons-ospanov']}")
    page.keyboard.press("m")
    page.keyboard.type("Касымов")
    page.keyboard.press("Enter")
    page.wait_for_selector("#merge-results li.sel")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/candidates/{keys['summons-ospanov']}" not in url)
    assert status(archive, "summons-ospanov")["status"] == "merged"

    page.keyboard.press("u")
    page.wait_for_url(f"{base}/candidates/{keys['summons-ospanov']}")
    assert "Undid merge" in page.content()
    assert status(archive, "summons-ospanov")["status"] == "pending"

    page.goto(f"{base}/incidents")
    page.click(f"a[href='/incidents/{accepted['incident_id']}']")
    text = page.inner_text("main")
    assert "Алматы, Медеуский район" in text
    assert "alma" in text and "create" in text
    assert dialogs == []


def test_payloads_never_execute(archive, base, watched):
    page, dialogs = watched
    login(page, base, "bota")
    key = archive[1]["detention-hostile"]
    for path in ("/?status=", f"/candidates/{key}", "/evidence/1", "/incidents?q=%3Cscript%3E"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None
    page.goto(f"{base}/candidates/{key}")
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert "<img src=x onerror=alert(1)>" in page.inner_text("article.source.shown")
    assert page.locator("main img").count() == 0
    frame = page.goto(f"{base}/evidence/1/frame")
    assert "sandbox" in frame.headers["content-security-policy"]
    page.wait_for_timeout(300)
    assert dialogs == []


class _Attacker(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self):  # noqa: N802
        body = (
            f"<form id=f method=post action='{self.target}'><input name=version value=1>"
            "<input name=reason value=csrf></form><script>document.getElementById('f').submit()"
            "</script>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_cross_site_post_and_anonymous_requests_refused(archive, base, watched):
    page, _ = watched
    key = archive[1]["blocking-altyn"]
    anonymous = page.context.request.post(
        f"{base}/candidates/{key}/reject", form={"version": "1", "reason": "anon"}
    )
    assert anonymous.status in (401, 403)
    page.goto(f"{base}/incidents")
    assert page.url.startswith(f"{base}/login")

    login(page, base, "bota")
    _Attacker.target = f"{base}/candidates/{key}/reject"
    server = http.server.HTTPServer(("127.0.0.1", 0), _Attacker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with page.expect_response(_Attacker.target) as response:
            page.goto(f"http://127.0.0.1:{server.server_port}/")
        assert response.value.status == 403
    finally:
        server.shutdown()
    assert status(archive, "blocking-altyn")["status"] == "pending"


def test_two_reviewers_get_a_conflict(archive, base, browser):
    key = archive[1]["threat-dala"]
    pages = []
    for name in ("bota", "erzhan"):
        page = browser.new_context().new_page()
        login(page, base, name)
        page.goto(f"{base}/candidates/{key}")
        pages.append(page)
    bota, erzhan = pages
    assert "bota has this candidate open" in erzhan.inner_text("main")
    bota.keyboard.press("r")
    bota.keyboard.type("rumour, no named source")
    bota.keyboard.press("Enter")
    bota.wait_for_url(lambda url: f"/candidates/{key}" not in url)
    erzhan.fill("#f-place", "Алматы, парк")
    erzhan.keyboard.press("Escape")
    erzhan.keyboard.press("a")
    erzhan.wait_for_selector(".conflict")
    text = erzhan.inner_text(".conflict")
    assert "bota" in text and "reject" in text and "rumour, no named source" in text
    assert "Алматы, парк" in text
    assert status(archive, "threat-dala")["status"] == "rejected"
    db = connect(archive[0])
    assert not incidents.list_incidents(db, incidents.IncidentFilter(q="Алматы, парк"))
    db.close()
    for page in pages:
        page.context.close()
