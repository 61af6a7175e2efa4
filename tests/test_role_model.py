"""The journalist-role model and its features, on fictional texts."""

from __future__ import annotations

import json

import pytest

from nlp.detect.model import ModelError
from nlp.entities import role_model
from nlp.entities.role_candidates import candidates, same_surname
from nlp.entities.role_features import NAMES, context, list_of
from nlp.entities.role_model import RoleModel
from nlp.pipeline import Analyzer


def _analysis(text: str):
    return Analyzer(decide_roles=False).analyse([text], hooks=False)[0]


def _features(text: str) -> dict[str, dict[str, float]]:
    a = _analysis(text)
    cands, rows = a.role_candidates
    return {c.name: dict(zip(NAMES, r, strict=True)) for c, r in zip(cands, rows, strict=True)}


def test_a_list_after_a_plural_role_word_is_one_list():
    text = (
        "Утром задержали журналистов: Айгерим Сатпаеву, Болата Нуркенова и Вадима Колесова. "
        "Адвокат Ержан Досымов обжаловал задержание."
    )
    a = _analysis(text)
    people = sorted(a.people, key=lambda p: p.start)
    chain = list_of(context(a.text, a.lang, a.outlets), people[1], people)
    assert [p.norm.split()[-1] for p in chain] == ["Сатпаева", "Нуркенов", "Колесов"]
    feats = _features(text)
    assert feats["Болат Нуркенов"]["plural_before_list"] == 1.0
    assert feats["Ержан Досымов"]["other_before_adjacent"] == 1.0


def test_the_committed_model_ties_roles_through_lists_and_keeps_lawyers_out():
    text = (
        "Утром задержали журналистов: Айгерим Сатпаеву, Болата Нуркенова и Вадима Колесова. "
        "Адвокат Ержан Досымов обжаловал задержание."
    )
    names = {p.norm for p in Analyzer().analyse([text], hooks=False)[0].journalists}
    assert {"Болат Нуркенов", "Вадим Колесов"} <= names
    assert "Ержан Досымов" not in names


def test_apposition_and_outlet_before_role_in_english():
    text = (
        "Police detained Marat Ospanov, a reporter for the Steppe Herald, on Monday. "
        "His lawyer Daniyar Kenzhebekov said the arrest was unlawful."
    )
    names = {p.norm for p in Analyzer().analyse([text], hooks=False)[0].journalists}
    assert names == {"Marat Ospanov"}


def test_surnames_meet_up_to_an_inflection():
    assert same_surname("bazhkenova", "bazhkenovoi")
    assert not same_surname("ospanov", "ospanova_x_y_z")
    a = _analysis("Журналист Карина Ахметова пришла в суд. Ахметовой отказали в доступе.")
    assert [len(c.mentions) for c in candidates(a.people)] == [2]


def test_rules_mode_keeps_the_rules_decision(monkeypatch):
    monkeypatch.setenv("PRESSWATCH_ROLE_MODEL", "rules")
    assert role_model.default() is None
    text = "The journalist Dana Bekova met Aidos Serikov in Almaty on Monday, the court said."
    a = Analyzer().analyse([text], hooks=False)[0]
    assert [p.norm for p in a.journalists] == ["Dana Bekova"]
    assert all(p.cue != "pattern" for p in a.people)


def test_a_broken_model_file_is_a_named_error(tmp_path, monkeypatch):
    path = tmp_path / "roles.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="presswatch train"):
        RoleModel.load(path)
    path.write_text(json.dumps({"features": ["x"], "weights": [1], "bias": 0}), encoding="utf-8")
    with pytest.raises(ModelError, match="features"):
        RoleModel.load(path)


def test_save_and_load_round_trip(tmp_path):
    model = RoleModel(tuple(0.1 * i for i in range(len(NAMES))), -1.0, 0.5)
    model.save(tmp_path / "roles.json", {"texts": 3})
    assert RoleModel.load(tmp_path / "roles.json") == model


def test_hostile_inputs_end_without_invented_people():
    caps = "ЖУРНАЛИСТ АЙГЕРИМ САТПАЕВА ЗАДЕРЖАНА. " * 20
    initials = "Журналист А. Б. Сатпаева и корреспондент В. Г. Колесов пришли в суд. " * 20
    crowd = ", ".join(f"Ерлан Тестов{i:03d}" for i in range(200)) + " пришли на митинг."
    outlets = ", ".join(["Steppe Herald", "«Вестник Степи»", "Talды", "Orda.kz"] * 100) + "."
    results = Analyzer().analyse([caps, initials, crowd, outlets], hooks=False)
    assert len(results) == 4  # ends, no crash (time is measured in bench/, not here)
    assert len(results[0].journalists) <= 1 and len(results[1].journalists) <= 2
    assert not results[2].journalists  # 200 names nobody calls journalists
    assert not results[3].journalists and not results[3].people
