"""How roles and outlets are written in real news, on fictional people and outlets: managers'
titles tied to an outlet, names at the end of a capitalised run, a role given in parentheses,
relatives who share a surname, and the written forms an outlet is reported in."""

from __future__ import annotations

import pytest

from nlp.entities import roles
from nlp.entities.outlet_forms import same_form
from nlp.entities.outlets import find_outlets
from nlp.entities.pattern_names import pattern_spans
from nlp.entities.people import Person
from nlp.entities.role_candidates import candidates
from nlp.pipeline import Analyzer


def _analysis(text: str):
    return Analyzer(decide_roles=False).analyse([text], hooks=False)[0]


def _rule_roles(text: str) -> dict[str, str | None]:
    return {p.norm: p.role for p in _analysis(text).people}


def test_a_managers_title_after_an_outlet_is_a_media_role():
    text = "Police searched the office. Steppe Herald founder Dana Ospanova was questioned."
    start = text.index("Steppe Herald")
    cues = roles.find_cues_with_outlets(text, [(start, start + len("Steppe Herald"))])
    assert [(c.text, c.role) for c in cues] == [("founder", "editor")]
    assert _rule_roles(text)["Dana Ospanova"] == "editor"


def test_a_title_of_an_outlet_before_a_name_drops_the_non_media_cue_inside_it():
    text = "Deputy Chairman of the Steppe Herald Arman Seitkali spoke at the forum."
    start = text.index("Steppe Herald")
    cues = roles.find_cues_with_outlets(text, [(start, start + len("Steppe Herald"))])
    assert [(c.text, c.role) for c in cues] == [("Deputy Chairman of the Steppe Herald", "editor")]
    assert "Deputy" not in [c.text for c in cues]


def test_the_head_of_an_outlets_department_is_no_manager_of_it():
    text = "Bolat Kemelov, head of Steppe Herald's legal department, filed a complaint."
    assert _rule_roles(text).get("Bolat Kemelov") is None


def test_the_outlets_own_title_and_an_owner_in_apposition():
    text = "Police detained the outlet's general director Saule Temirbek after a search on Monday."
    assert _rule_roles(text) == {"Saule Temirbek": "editor"}
    text = "Yerlan Dosov, the owner and editor in chief of the newspaper, appealed."
    assert _rule_roles(text)["Yerlan Dosov"] == "editor"


def test_a_pattern_name_is_the_end_of_a_capitalised_run_and_takes_its_cue():
    text = "Awards went to General Director of Astana National TV Channel Zarina Abenova."
    assert [text[s:e] for s, e in pattern_spans(text)] == ["General Director", "Zarina Abenova"]
    assert pattern_spans("Kazakhstan's Media, Journalists Under Pressure") == []
    text = "Prosecutors charged Aliya Nurtazina, an Ustyurt Times journalist, with libel."
    assert _rule_roles(text)["Aliya Nurtazina"] == "journalist"


def test_title_case_headlines_and_line_breaks_make_no_names():
    a = _analysis("Journalists Under Pressure\n\nAn attack on a reporter in the city.")
    assert [p.text for p in a.people] == []


def test_relatives_sharing_a_surname_are_two_people_and_an_initial_joins():
    a = _analysis(
        "Editor Daulet Serikbay was jailed. His wife, Gulnar Serikbayeva, spoke to the press."
    )
    groups = {c.name: len(c.mentions) for c in candidates(a.people)}
    assert groups == {"Daulet Serikbay": 1, "Gulnar Serikbayeva": 1}
    people = [
        Person("Тамара Есенова", "Тамара Есенова", 0, 14, "journalist"),
        Person("Т. Есенова", "Т. Есенова", 20, 30, None),
        Person("Есеновой", "Есенова", 40, 48, None),
        Person("Асель Есенова", "Асель Есенова", 50, 63, None),
    ]
    groups = {c.name: len(c.mentions) for c in candidates(people)}
    assert groups == {"Тамара Есенова": 3, "Асель Есенова": 1}


def test_a_parenthesis_that_gives_a_media_role_governs_the_name_before_it():
    text = (
        "Жиынға Айдар Сейітқали («Дала таңы» газетінің меншікті тілшісі) және Марат Оспан "
        "(аудандық соттың төрағасы) қатысты."
    )
    found = _rule_roles(text)
    assert found["Айдар Сейітқали"] == "journalist"
    assert found.get("Марат Оспан") is None


def test_a_genitive_plural_after_a_name_is_no_apposition():
    text = "Как сообщил их сын Тимур Ахметов, журналистов задержали в торговом центре."
    assert _rule_roles(text)["Тимур Ахметов"] is None


def test_a_straight_quote_pair_around_a_byline_hides_no_name():
    text = (
        'Coverage of the vote "matters to our audience," said Steppe Herald acting President '
        'Aidana Kuanova. "The ban is regrettable."'
    )
    assert _rule_roles(text)["Aidana Kuanova"] == "editor"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("«Алматинского пульса»", "Алматинский пульс", True),
        ("Steppe.kz", "STEPPE KZ", True),
        ("АП", "Алматинский пульс", False),
        ("Азаттык", "Азаттык Азия", True),
    ],
)
def test_written_forms_of_an_outlet(a, b, same):
    assert same_form(a, b) is same


def test_an_abbreviation_and_the_full_name_are_both_reported_case_forms_once():
    text = (
        "Сайт «Вестника Степи» не открывается. Редакция «Вестник Степи» и «ВС» сообщили об "
        "атаке; «Вестнику Степи» угрожали."
    )
    record = Analyzer().analyse([text], hooks=False)[0].tag_record()
    assert record["outlet_ids"].count("Вестник Степи") == 1


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Сот шешімі шықты, деп хабарлайды Qyran News.", ["Qyran News"]),
        ("Originally published on Steppe Voices", ["Steppe Voices"]),
        ("Bayterek Today informs.", ["Bayterek Today"]),
        ("Tulpar Live Telegram арнасы жазды.", ["Tulpar Live"]),
        ("the television stations Kokjiek, Altyn Arna, and Saryarka all ran it", None),
        ("Сайтта «Талды Хабардағы» жаңалық жарияланды.", ["Талды Хабар"]),
        ("Жиын өтті.\nАстана, QYRAN.KZ. Министр мәлімдеме жасады.", ["QYRAN.KZ"]),
        ("«Ақ Жол» газетінің «Мәдениет және спорт» бөлімінің редакторы", ["Ақ Жол"]),
        ("Астана, 12 маусым. Министр мәлімдеме жасады.", []),
    ],
)
def test_outlets_named_the_ways_news_names_them(text, names):
    found = [h.name for h in find_outlets(text)]
    expected = ["Kokjiek", "Altyn Arna", "Saryarka"] if names is None else names
    assert found == expected


def test_a_place_may_start_an_outlet_whose_name_ends_in_its_kind():
    text = "Awards went to General Director of Almaty Evening TV Channel Aru Saparova on Monday."
    assert [h.name for h in find_outlets(text)] == ["Almaty Evening TV Channel"]
    assert _rule_roles(text)["Aru Saparova"] == "editor"
    assert [h.name for h in find_outlets("Dala Times TV channel said so.")] == ["Dala Times"]
    assert find_outlets("The Honest Newspaper wrote so.") == []


def test_an_abbreviation_defined_in_parentheses_is_no_form_of_its_own():
    text = (
        "RFE/RL journalists were refused. Radio Free Europe/Radio Liberty (RFE/RL) will appeal, "
        "RFE/RL said; the Вестник Степи wrote too."
    )
    record = Analyzer().analyse([text], hooks=False)[0].tag_record()
    assert record["outlets"] == ["Radio Free Europe/Radio Liberty", "Вестник Степи"]


def test_and_with_the_second_names_outlet_between_passes_the_role_on():
    text = (
        "Журналисты интернет-газеты «Вестник Степи» Айдар Ермеков и информационного агентства "
        "«Талды Хабар» Кирилл Сомов пришли в суд. Журналист Ольга Ким и адвокат газеты "
        "«Талды Хабар» Олжас Бек дали интервью."
    )
    found = _rule_roles(text)
    assert found["Кирилл Сомов"] == "journalist" and found["Ольга Ким"] == "journalist"
    assert found["Олжас Бек"] is None


def test_on_a_headline_only_a_cue_right_before_a_name_governs_it():
    text = "Blogger Critical Of Officials Gets Long Prison Term\n\nA court sentenced him on Monday."
    assert [p.role for p in _analysis(text).people if p.role] == []
    text = "Kazakh Reporter Aigul Bekova Detained In Almaty\n\nPolice held her for hours."
    assert _rule_roles(text).get("Aigul Bekova") == "journalist"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Вчера основатель «Вестника Степи» Айдар Ермеков пришёл в суд.", "Айдар Ермеков"),
        ("«Талды Хабар» газетінің директоры Айдар Сейітқали сотқа келді.", "Айдар Сейітқали"),
        (
            "Police searched the office on Monday. The Steppe Herald newspaper founder Dana "
            "Ospanova spoke to reporters after the search.",
            "Dana Ospanova",
        ),
    ],
)
def test_managers_titles_in_russian_kazakh_and_english(text, name):
    assert _rule_roles(text)[name] == "editor"


def test_a_managers_title_needs_an_outlet():
    assert _rule_roles("Директор «Казахтелекома» Иван Орлов выступил на заседании.") == {
        "Иван Орлов": None
    }


def test_authors_of_a_project_and_colleagues_from_an_outlet():
    text = (
        "Police searched the office on Monday. Dana Ospanova, the author of the «Steppe Voices», "
        "project, also received calls from abroad."
    )
    assert _rule_roles(text)["Dana Ospanova"] == "blogger"
    found = _rule_roles(
        "Айгерим Сатпаева, Ирина Колесова, коллеги из Steppe.kz, а также Зарина Бекова, член "
        "комиссии. Адвокат Ержан Досымов и его коллеги из прокуратуры."
    )
    assert found["Ирина Колесова"] == "journalist"
    assert found["Зарина Бекова"] is None and found["Ержан Досымов"] is None
