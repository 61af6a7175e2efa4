"""nlp.text.normalise: cleaning, chrome, language, transliteration and the offset map back to raw.

All texts are made up (fictional people and outlets).
"""

from __future__ import annotations

import random

import pytest

from nlp.text import Normalised, normalise
from nlp.text.chrome import is_chrome_line
from nlp.text.lang import detect_language

KAZAKH_ACUTE = (
    "Qoǵam • 3 Naýryz, 2031\n\n"
    "Jýrnalıst Aıgúl Serikqyzy aıyppul tóledi\n\n"
    "412 ret\nkórsetildi\n4 mın\noqý úshin\n\n"
    "Aýdandyq sot «Jańa Dala» gazetiniń tilshisine aıyppul saldy, dep habarlaıdy Dala-Habar.kz.[1]\n"
    "Foto: None\n"
    "Facebook Twitter Telegram\n\n\n\n"
    "Polısııa jýrnalısterdi ǵımaratqa kirgizbedi jáne bul týraly eshteńe aıtpady.\n"
)
KAZAKH_UMLAUT = (
    "Tilşi Ayman Tölegenqızı sayttıñ bwğattaluı turalı jazdı. Jurnalist Erlan Mwqanov sotqa "
    "şaqırıldı jäne ayıppwl tölemeytinin ayttı. Bul oqiğa ötken jılı boldı."
)
KAZAKH_ASCII = (
    "Redaktorgha aiyppúl salyndy. Bul turaly tilshi saghat onda habarlady jane sot sheshimi "
    "boyynsha BAQ-ty akkreditasiyalaugha tyiym salyndy dep jazdy."
)
RUSSIAN = (
    "Главная / Новости / Общество\n"
    "Поделиться\n\n"
    "Журналистку  Ирину Веткину¹ оштрафовали по статье 456-2 КоАП.\r\n\r\n"
    "Просмотров: 123\n"
    "Фото: пресс-служба\n"
    "Мы используем файлы cookie, чтобы сайт работал лучше.\n"
    "|  |  |\n"
    "Суд в Каменске рассмотрел жалобу редакции «Вечерний вестник» [2] и отказал в ней.\n"
)


def assert_origin(n: Normalised) -> None:
    assert len(n.origin) == len(n.text)
    assert list(n.origin) == sorted(n.origin)
    assert all(0 <= o < len(n.raw) for o in n.origin)


def test_latin_kazakh_becomes_cyrillic_without_chrome():
    n = normalise(KAZAKH_ACUTE)
    assert (n.lang, n.script) == ("kk", "latin")
    assert "Журналист Айгүл Серікқызы айыппұл төледі" in n.text
    assert "Полиция журналистерді ғимаратқа кіргізбеді" in n.text
    assert "Dala-Habar.kz." in n.text  # domains are not transliterated
    for chrome in ("көрсетілді", "оқу үшін", "Фото", "Facebook", "[1]", "\n\n\n"):
        assert chrome not in n.text
    assert_origin(n)
    first, second = n.paragraphs()[:2]
    assert n.raw[slice(*n.span(*first))] == "Qoǵam • 3 Naýryz, 2031"
    assert n.raw[slice(*n.span(*second))] == "Jýrnalıst Aıgúl Serikqyzy aıyppul tóledi"


@pytest.mark.parametrize("raw", [KAZAKH_UMLAUT, KAZAKH_ASCII])
def test_other_latin_schemes(raw):
    n = normalise(raw)
    assert (n.lang, n.script) == ("kk", "latin")
    assert "айыппұл" in n.text
    assert "бұғатталуы" in n.text or "аккредитациялауға" in n.text
    assert_origin(n)


def test_russian_chrome_footnotes_and_exact_spans():
    n = normalise(RUSSIAN)
    assert (n.lang, n.script) == ("ru", "cyrillic")
    assert n.text == (
        "Журналистку Ирину Веткину оштрафовали по статье 456-2 КоАП.\n\n"
        "Суд в Каменске рассмотрел жалобу редакции «Вечерний вестник» и отказал в ней."
    )
    assert_origin(n)
    for i, c in enumerate(n.text):  # nothing transliterated: every character is its source
        assert c == n.raw[n.origin[i]] or (c == "\n" and n.raw[n.origin[i]] in "\r\n")
    for word in ("Веткину", "456-2", "«Вечерний вестник»", "ней."):
        start = n.text.index(word)
        assert n.raw[slice(*n.span(start, start + len(word)))] == word


def test_spans_are_robust_at_the_ends():
    n = normalise("  Айгүл  жазды.  ")
    assert n.text == "Айгүл жазды."
    assert n.span(0, 0) == (2, 2)
    assert n.span(0, len(n.text)) == (2, 15)
    assert n.span(-5, 3) == (2, 5)
    assert n.span(10, 99) == (13, 15)
    assert n.span(len(n.text), len(n.text)) == (15, 15)
    assert n.span(7, 3) == n.span(7, 7)
    assert normalise("").span(0, 5) == (0, 0)


def test_digraph_spans_cover_both_letters():
    n = normalise(KAZAKH_ACUTE)
    j = n.text.index("Журналист")
    assert n.raw[slice(*n.span(j, j + 1))] == "J"
    i = n.text.index("ештеңе")
    assert n.raw[slice(*n.span(i + 1, i + 2))] == "sh"  # ш ← sh
    assert n.raw[slice(*n.span(i, i + 6))] == "eshteńe"


def test_nfc_controls_and_blank_lines():
    raw = "Cafe\u0301\x00 report\ufffd\u200bfiled.\r\n\r\n\r\n\r\n  Next\tday\u00a0too."
    n = normalise(raw)
    assert n.text == "Café report filed.\n\nNext\tday too."
    assert n.raw[slice(*n.span(3, 4))] == "e\u0301"
    assert_origin(n)
    composed = normalise("Айгу\u0308л")  # ӱ spelt as у + combining diaeresis
    assert composed.text == "Айгӱл"
    assert composed.raw[slice(*composed.span(3, 4))] == "у\u0308"
    assert composed.span(0, 5) == (0, 6)


def test_paragraphs():
    n = normalise("Бірінші абзац.\nСол абзац.\n\n\n\n  Екінші абзац.\n\nҮшінші.")
    assert [n.text[a:b] for a, b in n.paragraphs()] == [
        "Бірінші абзац.\nСол абзац.",
        "Екінші абзац.",
        "Үшінші.",
    ]
    assert normalise("").paragraphs() == []


@pytest.mark.parametrize(
    "line",
    [
        "Поделиться",
        "Share",
        "Facebook Twitter Telegram",
        "Бөлісу",
        "1088 0 pikir",
        "283 ret kórsetildi",
        "7 mın oqý úshin",
        "Просмотров: 123",
        "Фото: Айдар Сейітов",
        "Photo: Dala Times",
        "Сурет: автордың мұрағатынан",
        "Foto: None",
        "|  |  |",
        "***",
        "Басты бет » Жаңалықтар » Қоғам",
        "We use cookies to improve your experience on this site. By continuing you agree.",
        "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать новости.",
    ],
)
def test_chrome_lines(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Журналист Facebook-те поделиться деп жазды, бірақ пост кейін жойылды, деді ол.",
        "Фото: журналистка снимала задержание у здания суда, пока её не увели полицейские.",
        "Сот 7 мин ішінде шешім шығарды.",
        "Köz qaras",
        "😀😀😀",
        "Главная новость дня",
    ],
)
def test_prose_and_plain_lines_stay(line):
    assert not is_chrome_line(line)


def test_credit_at_line_end_and_counter_at_line_start_are_cut():
    n = normalise("Тілші айыппұл төледі Сурет: Dala Times\n512 3 pikir 2 Sáýir, 2031\nСот шешімі.")
    assert n.text == "Тілші айыппұл төледі\n2 Sáýir, 2031\nСот шешімі."
    assert_origin(n)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (KAZAKH_ACUTE, "kk"),
        (KAZAKH_UMLAUT, "kk"),
        (KAZAKH_ASCII, "kk"),
        ("Tilshi Aıgúl qamaýǵa alyndy, dep jazdy gazet.", "kk"),
        ("The editor Aıgúl Serikqyzy of Jańa Dala was fined by a court in Almaty on Monday.", "en"),
        ("Gazeteci Ayşe Yılmaz için mahkeme bugün karar verdi ve ceza kesildi.", "other"),
        ("Jurnalist uchun sud qarori bilan jarima belgilandi va u keyin ozod qilindi.", "other"),
        ("Jurnalist Aygün Əliyeva bu gün məhkəmədə cərimə edildi və sonra azad olundu.", "other"),
        ("Журналиста оштрафовали по статье 456-2 КоАП.", "ru"),
    ],
)
def test_language_of_latin_kazakh_and_neighbours(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "raw",
    ["", "😀😀😀 🎉", "\x00\x01\x02binary\xff\xfe", "\ufffd" * 50, "記者被拘留了", "\n\n\n"],
)
def test_degenerate_inputs(raw):
    n = normalise(raw)
    assert n.lang == "other"
    assert_origin(n)
    n.paragraphs()
    n.span(0, len(n.text))


@pytest.mark.slow
def test_five_megabytes_complete():
    rng = random.Random(7)
    garbage = "".join(chr(rng.randrange(0, 0x3000)) for _ in range(100_000))
    for block in (KAZAKH_ACUTE + "\n\n", RUSSIAN, garbage):
        raw = (block * (5_000_000 // len(block) + 1))[:5_000_000]
        n = normalise(raw)
        assert len(n.origin) == len(n.text) <= len(raw) + len(raw) // 10
        assert n.span(0, len(n.text))[1] <= len(raw)


def test_a_latin_i_inside_cyrillic_words_is_the_kazakh_letter():
    raw = "Кодекстiң 50-бабы, Iсі Ivan"
    norm = normalise(raw)
    assert norm.text == "Кодекстің 50-бабы, Ісі Ivan"
    assert norm.span(0, 9) == (0, 9)  # same length: offsets hold
