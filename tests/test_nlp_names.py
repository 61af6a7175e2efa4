"""Names across forms: Russian nominative, Kazakh case endings, transliteration, variants."""

from __future__ import annotations

import pytest

from nlp.entities.morph import nominative
from nlp.entities.names import Registry, kazakh_nominative, key, same_name, to_cyrillic, to_latin
from nlp.text.lang import detect_language


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        ("Азамата Жаксылыкова", "журналиста", "Азамат Жаксылыков"),
        ("Дамиру Естаеву", "корреспондента", "Дамира Естаева"),
        ("Гаухар Ибраевой", "редактору", "Гаухар Ибраева"),
        ("Ольгу Семенову", "журналистку", "Ольга Семенова"),
        ("Игоря Лесникова", None, "Игорь Лесников"),
        ("Андрея Беловского", "журналиста", "Андрей Беловский"),
        ("Мадина Алиева", None, "Мадина Алиева"),
        ("Нуржана Баймулдина", "журналиста", "Нуржан Баймулдин"),
    ],
)
def test_russian_names_to_nominative(name, cue, expected):
    assert " ".join(nominative(name.split(), cue)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Нұржан Баймолдинның", "Нұржан Баймолдин"),
        ("Әсел Қасымоваға", "Әсел Қасымова"),
        ("Айдана Серікқызын", "Айдана Серікқызы"),
        ("Марина Кимді", "Марина Ким"),
        ("Мадина Омарова", "Мадина Омарова"),
    ],
)
def test_kazakh_case_endings(name, expected):
    assert " ".join(kazakh_nominative(name.split())) == expected


def test_same_person_across_scripts_and_spellings():
    assert key("Нұржан Баймолдин") == key("Nurzhan Baimoldin")
    assert same_name("Нуржан Баймулдин", "Nurzhan Baimuldin")
    assert same_name("Kozachkov", "Kozachakov")
    assert same_name("Бажкенова", "Bazhkenova")
    assert not same_name("Иванов", "Петров")
    assert to_latin("Нұржан") == "Nurzhan" and to_cyrillic("Nurzhan") == "Нуржан"


def test_registry_resolves_aliases_and_variants():
    registry = Registry()
    registry.add("person", "Нуржан Баймулдин", ["Nurzhan Baimuldin"])
    assert registry.resolve("person", "Nurzhan Baymuldin") == "Нуржан Баймулдин"
    assert registry.resolve("person", "Нұржан Баймолдин") == "Нуржан Баймулдин"
    assert registry.resolve("person", "Serik Akhmetov") is None
    assert registry.resolve("outlet", "Нуржан Баймулдин") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Журналиста оштрафовали по статье 456-2 КоАП.", "ru"),
        ("Ведущей YouTube-канала «Ашық алаң» угрожают в комментариях, сообщила она.", "ru"),
        ("Тілші әкімдіктің ғимаратының алдында ұсталды және сотқа жеткізілді.", "kk"),
        ("The reporter was detained outside the court.", "en"),
        ("Der Journalist wurde festgenommen und verhört.", "other"),
        ("", "other"),
        ("😀😀😀 🎉", "other"),
        ("\x00\x01\x02binary\xff\xfe", "other"),
        ("记者被拘留了", "other"),
    ],
)
def test_language_identification(text, lang):
    assert detect_language(text) == lang
