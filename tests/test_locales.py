"""The readers' languages (presswatch/locales.py) and the names of codes (vocabulary.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.detect.taxonomy import BLOCKS, LEAVES
from presswatch import locales, vocabulary
from review.views_candidate import PERPETRATORS
from storage.candidates import STATUSES
from storage.facets import CASE_STATUSES, EDITABLE
from storage.reviewers import LANGUAGES, ROLES


def test_languages_from_the_environment():
    assert locales.from_environment({"LANG": "ru_RU.UTF-8"}) == "ru"
    assert locales.from_environment({"LANG": "ru_RU.UTF-8", "PRESSWATCH_LANG": "kk"}) == "kk"
    assert locales.from_environment({"LANGUAGE": "kk:ru", "LANG": "en_US.UTF-8"}) == "kk"
    assert locales.from_environment({"LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU"}) == "en"
    assert locales.from_environment({"LANG": "C.UTF-8"}) == "en"
    assert locales.from_environment({}) == "en"
    assert locales.supported("kk-KZ") == "kk" and locales.supported("fr") is None


def test_numbers_dates_and_months():
    assert locales.number(15_500_000, "en") == "15,500,000"
    assert locales.number(15_500_000, "ru") == "15\u00a0500\u00a0000"
    assert locales.number(15_500_000, "kk") == "15\u00a0500\u00a0000"
    assert locales.number(3.14159, "ru", 1) == "3,1" and locales.number(0.5, "en", 2) == "0.50"
    assert locales.date("2026-11-15", "en") == "Nov 15, 2026"
    assert locales.date("2026-11-15T08:00:00+00:00", "ru").startswith("15 нояб. 2026")
    assert locales.date(dt.date(2026, 12, 1), "kk", "long") == "2026\u202fж. 1 желтоқсан"
    assert locales.date(None, "ru") == "" and locales.date("someday", "ru") == "someday"
    assert locales.datetime("2026-11-15T08:05:00+00:00", "ru") == "15.11.2026, 08:05"
    assert locales.month_names("ru")[10] == "ноябрь" and locales.month_names("kk")[0] == "қаңтар"
    assert locales.month_names("en")[0] == "January"


@pytest.mark.parametrize(
    "kind, codes",
    [
        ("category", (*BLOCKS, *LEAVES)),
        ("status", STATUSES),
        ("case_status", CASE_STATUSES),
        ("perpetrator", PERPETRATORS),
        ("role", ROLES),
        ("field", EDITABLE),
    ],
)
def test_every_code_has_a_name_in_every_language(kind, codes):
    """A new taxonomy leaf, status or role without a human name fails here."""
    for code in codes:
        names = {lang: vocabulary.name(kind, code, lang) for lang in locales.LANGS}
        assert code in vocabulary.KINDS[kind], code
        assert names["ru"] != names["en"] != names["kk"], names
        assert names["ru"] != code and names["kk"] != code


def test_the_account_languages_are_the_catalogues():
    assert LANGUAGES == locales.LANGS
    assert vocabulary.category("access.cyberattack", "kk") == "Кибершабуылдар (DDoS, бұзып кіру)"
    assert vocabulary.category("rights.brand_new", "ru") == "rights.brand_new"  # unknown: as is
