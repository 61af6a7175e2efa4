"""The assembled pipelines: people with roles per language, the tag contract, bad input."""

from __future__ import annotations

import random

import pytest

from nlp.entities.names import Registry
from nlp.pipeline import CATEGORY_HOOKS, Analyzer, analyse
from nlp.settings import Settings
from nlp.text.chunks import split


def test_russian_journalist_with_role_in_the_nominative():
    a = analyse(["Фотокорреспондента «Уральской недели» Игоря Лесникова вызвали на допрос в КНБ."])[
        0
    ]
    assert a.lang == "ru"
    assert [(p.norm, p.role) for p in a.journalists] == [("Игорь Лесников", "photographer")]
    assert a.outlet_names() == ["Uralskaya Nedelya"]
    assert [b.name for b in a.bodies] == ["National Security Committee"]


def test_kazakh_journalist_outlet_and_reference():
    a = analyse(
        [
            "Азаттық радиосының тілшісі Нұржан Баймолдинның ісі ҚК-нің 274-бабы 2-бөлігі бойынша қаралды."
        ]
    )[0]
    assert a.lang == "kk"
    assert [p.norm for p in a.journalists] == ["Нұржан Баймолдин"]
    assert a.outlet_names() == ["Azattyq"]
    assert a.legal_keys() == [{"code": "CC", "article": "274", "part": "2"}]


def test_english_roles_before_and_after_the_name():
    a = analyse(
        [
            "Prosecutors charged Viktor Panov, editor-in-chief of the online outlet Shygys Info. "
            "Orda.kz reporter Dana Serikova was fined 30 MCI."
        ]
    )[0]
    assert a.lang == "en"
    assert {(p.norm, p.role) for p in a.journalists} == {
        ("Viktor Panov", "editor"),
        ("Dana Serikova", "journalist"),
    }
    assert set(a.outlet_names()) == {"Shygys Info", "Orda.kz"}


def test_officials_are_not_journalists():
    a = analyse(["Аким района Серик Мукашев подал иск к главному редактору Гаухар Ибраевой."])[0]
    assert [p.norm for p in a.journalists] == ["Гаухар Ибраева"]
    a = analyse(
        ["Адвокат журналистки Махаббат Жолдасовой Жанара Балгабаева заявила, что подаст жалобу."]
    )[0]
    assert [p.norm for p in a.journalists] == ["Махаббат Жолдасова"]
    assert [p.norm for p in a.people if not p.role] == ["Жанара Балгабаева"]
    a = analyse(
        ["Kazakh journalist Makhabbat Zholdasova, who works for Radio Azattyq, was detained."]
    )[0]
    assert [p.norm for p in a.journalists] == ["Makhabbat Zholdasova"] and a.outlet_names() == [
        "Azattyq"
    ]


def test_tag_record_reports_outlets_as_written_with_the_registry_name_beside():
    record = analyse(
        [
            "Корреспондент Радио Свобода рассказал, что Радио Азаттык и RFE/RL пишут об одном; "
            "у Радио Свободы другой взгляд."
        ]
    )[0].tag_record()
    assert record["outlets"][0] == "Радио Свобода" and record["outlet_ids"][0] == "Azattyq"
    # each written form once (a case form of one is not another), beside its registry name
    assert record["outlets"] == ["Радио Свобода", "Радио Азаттык", "RFE/RL"]
    assert record["outlet_ids"] == ["Azattyq", "Azattyq", "RFE/RL"]


def test_tag_record_contract():
    record = analyse(
        ["Журналиста Азамата Жаксылыкова оштрафовали по ч. 3 ст. 456-2 КоАП РК."], ids=["a1"]
    )[0].tag_record()
    assert set(record) == {
        "id",
        "lang",
        "categories",
        "journalists",
        "journalist_ids",
        "outlets",
        "outlet_ids",
        "legal_refs",
        "entities",
    }
    assert record["id"] == "a1" and isinstance(record["categories"], list)
    assert record["legal_refs"] == [{"code": "CAO", "article": "456-2", "part": "3"}]
    labels = {e["label"] for e in record["entities"]}
    assert {"PERSON", "LEGAL_REF"} <= labels
    text = "Журналиста Азамата Жаксылыкова оштрафовали по ч. 3 ст. 456-2 КоАП РК."
    assert all(text[e["start"] : e["end"]] == e["text"] for e in record["entities"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀" * 1000,
        "\x00\x01\x02\xff" * 1000,
        "Der Journalist wurde in Berlin festgenommen.",
        bytes(range(256)).decode("latin-1") * 50,
        random.Random(4).randbytes(200_000).decode("cp1251", errors="replace"),
        "记者 " * 500,
    ],
)
def test_bad_input_gives_other_and_nothing_invented(text):
    a = analyse([text])[0]
    assert a.lang == "other"
    assert a.tag_record()["entities"] == [] and a.journalists == []


def test_huge_text_is_cut_and_chunked_with_offsets():
    unit = "Журналиста Азамата Жаксылыкова оштрафовали по ч. 3 ст. 456-2 КоАП РК. "
    text = unit * (5_000_000 // len(unit))
    a = Analyzer(Settings(chunk_chars=2_000, max_chars=20_000)).analyse([text])[0]
    assert a.truncated and a.lang == "ru"
    assert all(r.end <= 20_000 for r in a.legal_refs) and len(a.legal_refs) >= 200
    assert all(text[r.start : r.end] == r.text for r in a.legal_refs)


def test_split_keeps_every_character_in_bounded_chunks():
    text = ("Одно предложение. " * 300) + "x" * 5000
    chunks = split(text, 1000)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 1000 for _, c in chunks)
    assert all(text[o : o + len(c)] == c for o, c in chunks)


def test_registry_gives_canonical_names_and_category_hook_is_an_extension_point():
    registry = Registry()
    registry.add("person", "Nurzhan Baimuldin", ["Нуржан Баймулдин"])
    saved = list(CATEGORY_HOOKS)
    CATEGORY_HOOKS[:] = [lambda a: ["legal.administrative"] if a.legal_refs else []]
    try:
        a = Analyzer(registry=registry).analyse(
            ["Журналиста Нуржана Баймулдина оштрафовали по ст. 456-2 КоАП."]
        )[0]
    finally:
        CATEGORY_HOOKS[:] = saved
    assert [p.norm for p in a.journalists] == ["Nurzhan Baimuldin"]
    assert a.categories == ["legal.administrative"]


def test_outlets_named_by_domain_but_not_in_urls_credits_or_ngos():
    text = (
        "Как сообщает Steppenews.kz, редакцию посетили полицейские. Фото: stockpix.com\n"
        "Подробнее на https://example-mirror.kz/news/1 и в пресс-релизе Internews."
    )
    a = analyse([text])[0]
    assert a.outlet_names() == ["Steppenews.kz"]


def test_common_words_and_quoted_phrases_are_not_outlets():
    kk = analyse(["Ауыл тұрғындары бұл хабарды күні кеше естіді, деп жазды «Хабар» арнасы."])[0]
    assert kk.outlet_names() == ["Khabar"] and "хабар" not in kk.tag_record()["outlets"]
    ru = analyse(["В настоящее время издание «заведомо ложной» статьи не публиковало."])[0]
    assert ru.outlet_names() == []
