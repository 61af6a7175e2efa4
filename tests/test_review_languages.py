"""The review app in English, Russian and Kazakh, in real Chromium: queue → candidate → decision →
incident in each language, failing on any string a person reads that is not in that language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from review_server import chromium, demo_archive, login, review_server

from presswatch.locales import LOCALE_DIR
from storage import candidates
from storage.archive import connect
from storage.reviewers import get_reviewer

pytestmark = [pytest.mark.browser, pytest.mark.server]
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"
# one pending candidate per language; each walk accepts its own
WALKS = {"en": "ddos-qala", "ru": "lawsuit-zhumabekova", "kk": "obstruction-kk"}
# Latin words that are the same in every language: names, formats, keys, protocol words
LATIN = {"Presswatch", "DDoS", "CSV", "JSON", "HTTP", "sha256", "Enter", "Esc", "Origin", "CSRF"}
LATIN |= {"Datasette", "redacted"}  # the tool's name; storage.redactions.MARK as it is printed
CODE = re.compile(r"\b(?:rights|access|legal)\.[a-z_]+\b")
# every text node, placeholder and button a reader sees, minus data marked translate="no"
VISIBLE_TEXT = """() => {
  const out = [];
  const skip = "[translate=no], script, style, code, kbd, textarea";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest(skip)) { continue; }
    const text = node.textContent.trim();
    if (text) { out.push(text); }
  }
  document.querySelectorAll("[placeholder]").forEach(function (el) {
    if (!el.closest(skip)) { out.push(el.placeholder); }
  });
  return out;
}"""


def english_messages() -> set[str]:
    with open(LOCALE_DIR / "messages.pot", "rb") as f:
        return {m.id for m in read_po(f) if isinstance(m.id, str) and m.id}


def untranslated(texts: list[str], lang: str, english: set[str]) -> list[str]:
    """The texts that are not in ``lang``: a raw category code anywhere, and in Russian and
    Kazakh any English message or any Latin word that is not a name, format or key."""
    bad = [t for t in texts if CODE.search(t)]
    if lang == "en":
        return bad
    for text in texts:
        words = set(re.findall(r"[A-Za-z]{3,}\w*", text)) - LATIN
        if text in english or words:
            bad.append(text)
    return bad


def check(page, lang: str, english: set[str]) -> None:
    assert page.evaluate("document.documentElement.lang") == lang
    bad = untranslated(page.evaluate(VISIBLE_TEXT), lang, english)
    assert not bad, f"{lang} {page.url}: untranslated {bad}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("review-languages") / "archive.db"
    return path, demo_archive(path)


@pytest.fixture(scope="module")
def base(archive):
    with review_server(archive[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def choose_language(page, lang: str) -> None:
    """The language menu in the header: stored on the account, the page comes back in it."""
    page.select_option("#lang-menu", lang)
    page.click("#lang-go")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")


@pytest.mark.parametrize("lang", list(WALKS))
def test_walk_in_each_language(archive, base, browser, lang):
    """en by the browser's default, ru by Accept-Language, kk by the menu (stored on the account)."""
    english = english_messages()
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, locale="ru-RU" if lang == "ru" else "en-US"
    )
    page = context.new_page()
    name = {"en": "alma", "ru": "bota", "kk": "erzhan"}[lang]
    login(page, base, name)
    if lang == "kk":
        choose_language(page, "kk")
        db = connect(archive[0])
        assert get_reviewer(db, name)["lang"] == "kk"
        db.close()
    page.wait_for_selector("table.queue tbody tr")
    check(page, lang, english)

    key = archive[1][WALKS[lang]]
    page.goto(f"{base}/candidates/{key}")
    check(page, lang, english)
    page.click("#btn-reject")  # the hidden panels are read too
    check(page, lang, english)
    page.keyboard.press("Escape")
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_IMG / f"review-candidate-{lang}.png"))
    page.keyboard.press("a")
    page.wait_for_url(lambda url: f"/candidates/{key}" not in url)
    page.wait_for_selector(".flash.ok")
    check(page, lang, english)

    db = connect(archive[0])
    incident_id = candidates.current(db, key)["incident_id"]
    db.close()
    page.goto(f"{base}/incidents")
    check(page, lang, english)
    page.click(f"a[href='/incidents/{incident_id}']")
    page.wait_for_selector("ol.timeline")
    check(page, lang, english)
    page.goto(f"{base}/incidents/999999")  # an error page
    check(page, lang, english)
    page.goto(f"{base}/account/password")  # added on main after the translations
    check(page, lang, english)
    page.goto(f"{base}/redactions")
    check(page, lang, english)
    context.close()


def test_the_check_catches_an_untranslated_string():
    """The walk's check itself: English left in a Russian page, or a raw code, is caught."""
    english = {"Queue", "Log out"}
    assert untranslated(["Очередь", "Presswatch · проверка"], "ru", english) == []
    assert untranslated(["Queue"], "kk", english) == ["Queue"]
    assert untranslated(["Нажмите Save"], "ru", english) == ["Нажмите Save"]
    assert untranslated(["access.cyberattack"], "en", english) == ["access.cyberattack"]
