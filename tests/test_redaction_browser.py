"""Redacting a passage by keyboard in real Chromium: select it in the candidate's article, press
x, give the reason, Enter; the report then prints [redacted] while the candidate page keeps it."""

from __future__ import annotations

import pytest
from review_server import chromium, demo_archive, login, review_server

from storage import redactions
from storage.archive import connect
from storage.export import rows_of_table

pytestmark = [pytest.mark.browser, pytest.mark.server]
NAME = "Айгерим Сатпаеву"


def test_select_then_x_redacts_the_passage(tmp_path):
    path = tmp_path / "archive.db"
    keys = demo_archive(path)
    with review_server(path) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        login(page, base, "alma")
        page.goto(f"{base}/candidates/{keys['attack-satpayeva']}")
        page.evaluate(
            """(name) => {
              const walker = document.createTreeWalker(document.querySelector('#art-1'),
                NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode()) && !node.data.includes(name)) {}
              const range = document.createRange();
              const at = node.data.indexOf(name);
              range.setStart(node, at);
              range.setEnd(node, at + name.length);
              window.getSelection().removeAllRanges();
              window.getSelection().addRange(range);
            }""",
            NAME,
        )
        page.keyboard.press("x")
        assert page.input_value("#redact-text") == NAME
        assert page.input_value("#redact-kind") == "span"
        assert page.evaluate("document.activeElement.id") == "redact-reason"
        page.keyboard.type("victim asked for anonymity")
        page.keyboard.press("Enter")
        page.wait_for_selector(".flashes")
        assert "[redacted]" in page.inner_text(".flashes")
        assert NAME in page.inner_text("#art-1")  # the reviewer still reads the original
        browser.close()
    db = connect(path)
    [mark] = redactions.active(db)
    assert (mark["kind"], mark["text"], mark["created_by"]) == ("span", NAME, "alma")
    texts = [r["text"] for r in rows_of_table(db, "articles")]
    assert any("[redacted]" in t for t in texts) and not any(NAME in t for t in texts)
