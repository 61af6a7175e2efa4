"""The HTML report in real Chromium: no console errors, links resolve; screenshot for the docs;
and the PDF printed by headless Chromium."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures_reports import build

from reports.build import draft
from storage.archive import connect

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "img" / "report.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "archive.db"
    build(path)
    return connect(path)


def test_html_report_renders_without_console_errors(db, tmp_path):
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    draft(db, "2026-11", "html", "en", page_file, today=dt.date(2026, 12, 1))
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        page.goto(page_file.as_uri())
        assert page.locator("svg").count() == 4  # blocks, categories, legal, digital security
        assert page.locator("table.security a.fig").count() == 12  # 4 rows x 3 columns, linked
        links = page.locator("a.fig")
        assert links.count() > 40
        link = page.locator('a.fig[href="#f-ytd-legal-civil-honour"]').first
        assert link.inner_text() == "5"
        link.click()
        assert page.evaluate("location.hash") == "#f-ytd-legal-civil-honour"
        assert page.locator("#f-ytd-legal-civil-honour li").count() == 5
        page.evaluate("window.scrollTo(0, 0)")
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        browser.close()
    assert problems == []


def test_pdf_is_printed_by_chromium(db, tmp_path):
    out = tmp_path / "nov.pdf"
    draft(db, "2026-11", "pdf", "ru", out)
    data = out.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 20_000
