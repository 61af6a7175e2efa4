"""Latin-script Kazakh → Cyrillic: golden pairs per scheme, kept tokens, the offset map.

All sentences are made up (fictional people and outlets).
"""

from __future__ import annotations

import pytest

from nlp.text.translit import detect_scheme, to_cyrillic, transliterate

ACUTE = [
    ("Jýrnalıst Aıgúl Serikqyzy aıyppul tóledi", "Журналист Айгүл Серікқызы айыппұл төледі"),
    ("Tilshi Nurbol Qasenov qamaýǵa alyndy", "Тілші Нұрбол Қасенов қамауға алынды"),
    (
        "Aýdandyq sot «Jańa Dala» gazetiniń redaktoryn aıyppulǵa tartty",
        "Аудандық сот «Жаңа Дала» газетінің редакторын айыппұлға тартты",
    ),
    ("Polısııa jýrnalısterdi ǵımaratqa kirgizbedi", "Полиция журналистерді ғимаратқа кіргізбеді"),
    ("Mınıstrlik akkredıtatsııa berýden bas tartty", "Министрлік аккредитация беруден бас тартты"),
    ("Sondaı-aq ıaǵnı Bıyl medıa", "Сондай-ақ яғни Биыл медиа"),
    (
        "Tilshiler qaýymy Jýrnalıster kúni qarsańynda jınaldy",
        "Тілшілер қауымы Журналистер күні қарсаңында жиналды",
    ),
]
UMLAUT_W = [
    (
        "Sayttıñ bwğattaluı turalı tilşi Ayman Tölegenqızı habarladı",
        "Сайттың бұғатталуы туралы тілші Айман Төлегенқызы хабарлады",
    ),
    ("Jurnalist Erlan Mwqanov sotqa şaqırıldı", "Журналист Ерлан Мұқанов сотқа шақырылды"),
    ("ayıppwl salındı, yağni Ötken jılı", "айыппұл салынды, яғни Өткен жылы"),
    ("Aqparat jäne qoğamdıq damu ministrligi", "Ақпарат және қоғамдық даму министрлігі"),
]
UMLAUT = [
    (
        "Jurnalist bul turalı jazdı jäne qamauğa alındı",
        "Журналист бұл туралы жазды және қамауға алынды",
    ),
]
ASCII = [
    ("BAQ-ty akkreditasiyalaugha", "БАҚ-ты аккредитациялауға"),
    ("Redaktorgha aiyppúl salyndy", "Редакторға айыппұл салынды"),
    ("Tilshi saghat 14:00-de sotqa keldi", "Тілші сағат 14:00-де сотқа келді"),
    (
        "Zhurnalist Khamit songhy habarda 50 myng tenge dedi",
        "Журналист Хамит соңғы хабарда 50 мың тенге деді",
    ),
    ("politsiya ýshin jauap biyl", "полиция үшін жауап биыл"),
]

# Cyrillic letter → the Latin letters (first letter of a digraph) it may come from.
SOURCES = {
    "а": "a", "ә": "áäəә", "б": "b", "в": "v", "г": "g", "ғ": "ǵğg", "д": "d", "е": "eé",
    "ж": "jz", "з": "z", "и": "ıi", "й": "ıyi", "і": "i", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ńñn", "о": "o", "ө": "óö", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "ýuw", "ұ": "uúwū", "ү": "úüý", "ф": "f", "х": "hk", "ц": "tcs", "ч": "cç", "ш": "sş",
    "ы": "yı", "я": "ıyia", "ю": "ıyi",
}  # fmt: skip


@pytest.mark.parametrize(
    ("latin", "cyrillic", "scheme"),
    [(lat, cyr, "acute") for lat, cyr in ACUTE]
    + [(lat, cyr, "umlaut-w") for lat, cyr in UMLAUT_W]
    + [(lat, cyr, "umlaut") for lat, cyr in UMLAUT]
    + [(lat, cyr, "ascii") for lat, cyr in ASCII],
)
def test_golden_pairs(latin, cyrillic, scheme):
    text, offsets = transliterate(latin, scheme)
    assert text == cyrillic
    assert_offsets(latin, text, offsets)


def assert_offsets(raw, text, offsets):
    assert len(offsets) == len(text)
    assert list(offsets) == sorted(offsets)
    for i, c in enumerate(text):
        source = raw[offsets[i]]
        if c.lower() in SOURCES:
            assert source.lower() in SOURCES[c.lower()], (i, c, source)
            assert c.isupper() == source.isupper(), (i, c, source)
        else:
            assert c == source, (i, c, source)


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("Jýrnalıst Aıgúl Serikqyzy aıyppul tóledi, dep habarlaıdy «Jańa Dala».", "acute"),
        ("Tilşi Ayman Tölegenqızı sayttıñ bwğattaluı turalı jazdı.", "umlaut-w"),
        ("Tilşi Ayman Tölegenqızı sayttıñ bugin jabıluı turalı jazdı.", "umlaut"),
        ("Redaktorgha aiyppúl salyndy, dep habarlady tilshi saghat onda.", "ascii"),
        ("Qazaqstan jane BAQ turaly", "ascii"),
    ],
)
def test_scheme_detection(text, scheme):
    assert detect_scheme(text) == scheme


def test_urls_emails_english_and_acronyms_are_kept():
    raw = (
        "IPI men International Press Institute https://dala-habar.example.kz/post/12 "
        "siltemesin jarıalady, hat info@dala-habar.kz mekenjaıyna, Facebook paraqshasy, "
        "Dala-Habar.kz, ALMATY, QR, OSCE."
    )
    text, offsets = transliterate(raw, "acute")
    for kept in ("IPI", "International Press Institute", "https://dala-habar.example.kz/post/12"):
        assert kept in text
    for kept in ("info@dala-habar.kz", "Facebook", "Dala-Habar.kz", "OSCE"):
        assert kept in text
    assert "мен" in text and "АЛМАТЫ" in text and "ҚР" in text
    assert_offsets(raw, text, offsets)


def test_case_is_preserved_and_digraphs_map_to_their_first_letter():
    raw = "SHAǴYM Shaǵym shaǵym"
    text, offsets = transliterate(raw, "acute")
    assert text == "ШАҒЫМ Шағым шағым"
    assert [raw[o] for o in offsets[:2]] == ["S", "A"]
    assert offsets[1] == 2  # А comes after the two letters of SH


def test_to_cyrillic_only_for_latin_kazakh():
    kazakh = "Jýrnalıst Aıgúl Serikqyzy aıyppul tóledi, dep habarlaıdy gazet. Bul týraly sot aıtty."
    assert to_cyrillic(kazakh)[0].startswith("Журналист Айгүл")
    for other in (
        "The editor of Dala Times, Aigul Serikqyzy, was fined on Monday.",
        "Gazeteci Ayşe Yılmaz için mahkeme bugün karar verdi ve ceza kesildi.",
        "Jurnalist uchun sud qarori bilan jarima belgilandi va u keyin ozod qilindi.",
        "Журналиста оштрафовали.",
        "",
    ):
        text, offsets = to_cyrillic(other)
        assert text == other and list(offsets) == list(range(len(other)))


def test_long_and_odd_tokens_do_not_break():
    blob = "aGVsbG8" * 20
    raw = f"{blob} jáne 😀 tilshi\x00 ǵ"
    text, offsets = transliterate(raw, "acute")
    assert blob in text and "және" in text and "тілші" in text
    assert len(offsets) == len(text)
