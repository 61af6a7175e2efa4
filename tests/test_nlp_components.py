"""The regex/gazetteer components, on blank spaCy pipelines, against golden cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import nlp.components  # noqa: F401
from nlp.entities.amounts import find_amounts
from nlp.entities.dates import find_dates
from nlp.entities.gazetteer import body_gazetteer, outlet_gazetteer
from nlp.entities.legal import find_legal_refs, in_force
from nlp.entities.outlets import find_outlets

GOLDEN = Path(__file__).parent / "golden" / "nlp"
LEGAL = json.loads((GOLDEN / "legal_refs.json").read_text(encoding="utf-8"))
AMOUNTS = json.loads((GOLDEN / "amounts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "expected"), LEGAL, ids=[t[:40] for t, _ in LEGAL])
def test_legal_refs_golden(text, expected):
    assert [list(r.key()) for r in find_legal_refs(text)] == expected


@pytest.mark.parametrize(("text", "expected"), AMOUNTS, ids=[t[:40] for t, _ in AMOUNTS])
def test_amounts_golden(text, expected):
    assert [[a.as_dict()["value"], a.unit, a.kind] for a in find_amounts(text)] == expected


@pytest.mark.parametrize("lang", ["ru", "en", "xx"])
def test_components_run_on_blank_pipelines(lang):
    nlp = spacy.blank(lang)
    for name in (
        "presswatch_outlets_v1",
        "presswatch_bodies_v1",
        "presswatch_legal_refs_v1",
        "presswatch_amounts_v1",
        "presswatch_dates_v1",
    ):
        nlp.add_pipe(name)
    doc = nlp(
        "Корреспондент КазТАГ оштрафован СМАС на 30 МРП по ч. 3 ст. 456-2 КоАП РК 12 ноября 2023 года."
    )
    assert [r.key() for r in doc._.legal_refs] == [("CAO", "456-2", "3")]
    assert [(a.value, a.unit, a.kind) for a in doc._.amounts] == [(30, "MCI", "fine")]
    assert [h.name for h in doc._.outlets] == ["KazTAG"]
    assert [h.kind for h in doc._.bodies] == ["court"]
    assert [d.value for d in doc._.dates] == ["2023-11-12"]


def test_paragraph_and_mci_conversion():
    ref = find_legal_refs("пп. 3 ч. 2 ст. 174 УК")[0]
    assert (ref.part, ref.paragraph) == ("2", "3")
    assert find_amounts("штраф 10 МРП", year=2023)[0].kzt == 34500


def test_catalogue_dates_in_force():
    assert in_force("CAO", "456-2", "2023-06-01") is False
    assert in_force("CAO", "456-2", "2024-01-10") is True
    assert in_force("CC", "130", "2021-01-01") is False
    assert in_force("CC", "999", "2021-01-01") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("корреспондентам Радио Азаттык", "Azattyq"),
        ("Azattyq радиосының тілшісі", "Azattyq"),
        ("Радио Свободы", "Azattyq"),
        ("Tengrinews-ке берген сұхбатында", "Tengrinews"),
        ("see https://www.tengrinews.kz/news/1", "Tengrinews"),
    ],
)
def test_outlet_aliases_in_all_scripts_and_forms(text, name):
    assert [h.name for h in outlet_gazetteer().find(text)] == [name]


def test_unknown_outlets_found_by_cue_and_named_as_written():
    names = [
        h.name
        for h in find_outlets(
            "Оператора телеканала «Дала Ньюс» задержали; журналистка Qostanai Times Ольга Семенова"
        )
    ]
    assert names == ["Дала Ньюс", "Qostanai Times"]
    assert [h.name for h in find_outlets("«Жас Алаш» газетінің журналисі")] == ["Жас Алаш"]
    assert find_outlets("Police questioned Atyrau blogger Askhat Nurgaliev") == []


def test_bodies_carry_perpetrator_type():
    hits = body_gazetteer().find("КНБ-ның и прокуратура Алматинской области")
    assert [h.info for h in hits] == ["state:security", "state:prosecutor"]


def test_dates_in_three_languages():
    values = [
        d.value for d in find_dates("12.11.2023, November 3, 2023 and 2023 жылғы 5 қарашада", 2023)
    ]
    assert values == ["2023-11-12", "2023-11-03", "2023-11-05"]
