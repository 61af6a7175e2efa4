"""Detection rules, signals and the detect stage (no spaCy: facts from text and stored rows)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlp.detect import detection
from nlp.detect.cues import cue_book
from nlp.detect.detection import detect, detect_pending
from nlp.detect.detection_quality import quick_facts
from nlp.detect.facts import Facts, Span
from nlp.detect.rules import find
from nlp.text.sentences import guard, split
from storage.analysis import save_analysis
from storage.articles import save_articles
from storage.runs import failures
from storage.signals import signals_of

CASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "detection" / "cases.yaml").read_text(encoding="utf-8")
)


def _facts(text: str, **kw) -> Facts:
    return quick_facts(
        {"id": 1, "text": text, "published": kw.get("published"), "title": kw.get("title", "")}
    )


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_case(case):
    _, hits = find(_facts(case["text"]))
    assert sorted(hits) == sorted(case["categories"])


def test_sentences_keep_offsets_and_initials():
    text = "Суд оштрафовал блогера Е. Сахиполлаева по ч. 3 ст. 456-2 КоАП. Он обжалует решение!\n\nНовый абзац"
    sents = split(text)
    assert [s.text for s in sents][0].endswith("КоАП.")
    assert len(sents) == 3
    assert all(text[s.start : s.end] == s.text for s in sents)


@pytest.mark.parametrize(
    "sentence,why",
    [
        ("В ведомстве опровергли сообщения о задержании журналистов.", "negation"),
        ("If adopted, the bill would allow sites to be blocked.", "hypothetical"),
        ("В 1990-е годы закрылись сотни газет.", "history"),
        ("The Constitution guarantees freedom of speech.", "policy"),
        ("хакеры, мошенники, личные данные, защита данных, взлом, новости, журналисты", "keywords"),
    ],
)
def test_guards(sentence, why):
    assert guard(sentence, cue_book(), 2026) == why


def test_a_list_of_names_is_not_a_keyword_line():
    names = (
        "Задержаны журналисты Иван Луков, Ада Сеитова, Олег Рысов, Дина Бек, Марат Оспин и Лия Ким."
    )
    assert guard(names, cue_book(), 2026) is None


@pytest.mark.parametrize(
    "cue,why",
    [('"|напал|', "empty string"), ('"напал\\\\S+|', "lower-cased"), ('"(напал|', "missing")],
)
def test_a_broken_cue_is_a_config_error(tmp_path, cue, why):
    from nlp.detect import cues
    from storage.errors import ConfigError

    broken = cues.DATA.joinpath("cues.yaml").read_text(encoding="utf-8")
    broken = broken.replace('"напал|', cue, 1)
    (tmp_path / "cues.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError, match=why):
        cues.load(tmp_path / "cues.yaml")


def test_old_year_is_history_relative_to_publication():
    assert guard("В 2019 году журналиста задержали у акимата.", cue_book(), 2026) == "history"
    assert guard("В 2026 году журналиста задержали у акимата.", cue_book(), 2026) is None


def test_media_victim_required_for_rights():
    _, hits = find(_facts("Охранник ударил покупателя в торговом центре."))
    assert not hits
    _, hits = find(_facts("Охранник ударил оператора телеканала «Вектор» в торговом центре."))
    assert set(hits) == {"rights.attack"}


def test_tagged_victims_count_as_media():
    text = "Охранник ударил Игоря Ганина в торговом центре."
    facts = Facts(
        1, text, spans=[Span("person", 16, 27, "Игоря Ганина", "Игорь Ганин", "camera_operator")]
    )
    assert [s["category"] for s in detect(facts)] == ["rights.attack"]


def test_signal_facets():
    text = (
        "Алматы, 3 ноября. Сайт издания Nomad Pulse подвергается DDoS-атаке. Редакция подала заявление "
        "в полицию по статье 207 УК."
    )
    facts = Facts(
        7,
        text,
        "ru",
        "2026-11-03T10:00:00+05:00",
        [
            Span("outlet", 31, 42, "Nomad Pulse", "Nomad Pulse"),
            Span("date", 8, 16, "3 ноября", "2026-11-03"),
        ],
    )
    [sig] = detect(facts)
    assert sig["category"] == "access.cyberattack"
    assert sig["victims"] == [{"name": "Nomad Pulse", "kind": "outlet", "role": None}]
    assert sig["place"] == "Алматы" and sig["event_date"] == "2026-11-03"
    assert sig["case_status"] == "investigation"
    assert "DDoS" in sig["cues"][0]
    ev = sig["evidence"][0]
    assert text[ev["start"] : ev["end"]] == ev["sentence"] and ev["article_id"] == 7
    assert 0 < sig["confidence"] <= 1


def test_title_raises_confidence():
    body = "Сайт издания Nomad Pulse подвергается DDoS-атаке."
    plain = detect(_facts(body))[0]["confidence"]
    titled = detect(_facts(body, title="DDoS-атака на Nomad Pulse"))[0]["confidence"]
    assert titled > plain


def _stored(db, texts: list[str]) -> list[int]:
    result = save_articles(
        db,
        [
            {
                "url": f"http://x.test/{n}",
                "title": f"t{n}",
                "text": t,
                "lang": "ru",
                "published_at": "2026-11-03T10:00:00+05:00",
                "outlet": "x",
                "source": "x",
            }
            for n, t in enumerate(texts)
        ],
    )
    ids = sorted(result.ids().values())
    for aid in ids:
        save_analysis(db, aid, {})
    return ids


def test_detect_pending_writes_signals_once(db, rules_only):
    ids = _stored(
        db, ["Неизвестные избили корреспондента газеты «Луч» у подъезда.", "В Алматы прошел снег."]
    )
    counts = detect_pending(db)
    assert counts["articles"] == 2 and counts["signals"] == 1
    assert counts["categories"] == {"rights.attack": 1}
    assert [s["category"] for s in signals_of(db, ids[0])] == ["rights.attack"]
    assert detect_pending(db)["articles"] == 0
    db.execute("UPDATE articles SET detected_at = NULL")
    detect_pending(db)
    assert db.execute("SELECT count(*) FROM signals").fetchone()[0] == 1


def test_detection_error_is_recorded_and_not_retried(db, monkeypatch):
    _stored(db, ["Неизвестные избили корреспондента газеты «Луч» у подъезда."])

    def boom(*args, **kwargs):
        raise ValueError("broken article")

    monkeypatch.setattr(detection, "detect", boom)
    assert detect_pending(db)["errors"] == 1
    [failure] = failures(db)
    assert failure["stage"] == "detect" and "broken article" in failure["reason"]
    monkeypatch.undo()
    assert detect_pending(db)["articles"] == 0


def test_latin_script_kazakh_is_read_in_cyrillic_with_evidence_in_the_raw_text():
    text = (
        "Polısıa «Dala jarshysy» gazetiniń tilshisi Maqsat Omarovty ustady jáne bólimge "
        "aparyp, úsh saǵat ustady, dep habarlady redaksıa. Bul týraly redaksıa aıtty."
    )
    sents, hits = find(Facts(1, text, "kk"))
    assert "rights.detention" in hits
    first = sents[hits["rights.detention"].sentences[0]]
    assert text[first.start : first.end] == first.text
    assert first.text.startswith("Polısıa")
