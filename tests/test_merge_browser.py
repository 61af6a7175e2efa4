"""Merging incidents by keyboard in real Chromium against a running ``presswatch review``:
m on the incident page, the target's number, Enter for the preview, y to merge, u to undo."""

from __future__ import annotations

import pytest
from fixtures_reports import build
from review_server import chromium, login, password, review_server

from storage import incidents
from storage.archive import connect
from storage.reviewers import add_reviewer

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("merge-browser") / "archive.db"
    ids = build(path)
    db = connect(path)
    add_reviewer(db, "erzhan", password("erzhan"), "editor")
    db.close()
    return path, ids


@pytest.fixture(scope="module")
def page(archive):
    with review_server(archive[0]) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        login(tab, base, "erzhan")
        yield tab, base
        browser.close()


def merged_into(archive, key: str) -> int | None:
    db = connect(archive[0])
    try:
        return incidents.current(db, archive[1][key])["merged_into"]
    finally:
        db.close()


def test_merge_and_undo_by_keyboard(archive, page):
    tab, base = page
    source, target = archive[1]["n8"], archive[1]["c16"]
    tab.goto(f"{base}/incidents/{source}")
    tab.keyboard.press("m")
    assert tab.evaluate("document.activeElement.id") == "merge-into"
    tab.keyboard.type(str(target))
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#merge-result")
    assert f"Merge #{source} into #{target}?" in tab.inner_text("h1")
    assert "Preliminary hearing set" in tab.inner_text("#merge-timeline")
    assert merged_into(archive, "n8") is None  # the preview wrote nothing

    tab.keyboard.press("y")
    tab.wait_for_url(f"{base}/incidents/{target}")
    assert f"merged into #{target}" in tab.inner_text(".flashes")
    assert f"#{source}" in tab.inner_text("#merged-from")
    assert "Preliminary hearing set" in tab.inner_text("ol.timeline")
    assert merged_into(archive, "n8") == target

    tab.goto(f"{base}/incidents/{source}")
    assert tab.is_visible("#merged-banner")
    tab.keyboard.press("u")
    tab.wait_for_selector(".flashes")
    assert "undone" in tab.inner_text(".flashes")
    assert merged_into(archive, "n8") is None
    assert tab.is_visible("#merge-into")
