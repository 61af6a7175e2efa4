"""The gettext catalogues (presswatch/locale): every message a person reads, extracted afresh from
the code and templates, is translated in Russian and Kazakh, nothing fuzzy, placeholders kept,
and the committed .mo files are the compiled .po files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from presswatch.locales import LANGS, LOCALE_DIR

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("presswatch", "review", "reports", "flows", "storage")
TRANSLATED = tuple(lang for lang in LANGS if lang != "en")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|:\w+")
KAZAKH_LETTERS = set("әіңғүұқөһ")


def source_messages() -> set[str]:
    """The msgids in the code and templates today (``pybabel extract`` with babel.cfg)."""
    with open(REPO / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    found = set()
    for folder in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(
            REPO / folder, method_map, options_map, keywords=keywords
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


def test_sources_have_messages():
    found = source_messages()
    assert {"Queue", "Cyberattacks (DDoS, hacking)", "Press freedom monitoring: {month}"} <= found
    assert "Incidents by month and category" in found  # Datasette's canned-query titles
    assert "Nightly run #%(id)s: %(headline)s" in found  # the CLI's run summary


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_translated(lang):
    """A message added to the code without its translation fails here (run ``make messages``
    and translate it)."""
    found = source_messages()
    cat = catalogue(lang)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in cat if m.id}
    assert sorted(found - ids) == [], f"not in the {lang} catalogue"
    assert sorted(ids - found) == [], f"obsolete in the {lang} catalogue"
    for m in cat:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings), f"{lang}: untranslated {m.id!r}"
        assert not m.fuzzy, f"{lang}: fuzzy {m.id!r}"
        original = m.id if isinstance(m.id, str) else m.id[0]
        for s in strings:
            assert sorted(PLACEHOLDER.findall(s)) == sorted(PLACEHOLDER.findall(original)), (
                f"{lang}: placeholders differ in {original!r} -> {s!r}"
            )
            words = PLACEHOLDER.sub("", s)
            assert s != original or not re.search("[a-z]{3}", words), f"{lang}: {s!r} is English"


def test_kazakh_is_kazakh():
    """Kazakh Cyrillic with its own letters, not Russian left in place."""
    kk, ru = catalogue("kk"), catalogue("ru")
    ru_strings = {m.id: m.string for m in ru if m.id}
    text = "".join(m.string for m in kk if m.id and isinstance(m.string, str))
    assert set(text.lower()) | {"һ"} >= KAZAKH_LETTERS
    same = [m.id for m in kk if m.id and m.string == ru_strings.get(m.id)]
    # identical only where both languages use the same word (editor, Timeline, bytes)
    assert len(same) <= 6, same


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_is_current(lang):
    """The committed .mo (what the app loads) holds exactly the .po's translations."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    with open(folder / "messages.mo", "rb") as f:
        committed = messages(read_mo(f))
    fresh = io.BytesIO()
    write_mo(fresh, catalogue(lang))
    fresh.seek(0)
    assert committed == messages(read_mo(fresh)), "run `make messages` to recompile"


def messages(cat) -> dict:
    return {str(m.id): str(m.string) for m in cat if m.id}
