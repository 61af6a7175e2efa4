import codecs

import pytest

from crawlers.encoding import cyrillic_score, declared_charset, decode

RU = (
    "<html><body><h1>Суд оштрафовал журналиста</h1><p>Суд оштрафовал журналиста вымышленной газеты "
    "по статье 456-2 КоАП. Редакция намерена обжаловать решение в апелляционной инстанции.</p></body></html>"
)
HEADERS = [
    None,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=windows-1251",
    "text/html; charset=koi8-r",
    "text/html; charset=iso-8859-1",
]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8"])
@pytest.mark.parametrize("content_type", HEADERS)
def test_cyrillic_comes_out_right_whatever_is_declared(encoding, content_type):
    text, used = decode(RU.encode(encoding), content_type)
    assert text == RU, used


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_meta_declarations_right_or_wrong(encoding):
    for meta in ("windows-1251", "koi8-r", "utf-8"):
        body = f'<meta charset="{meta}">{RU}'.encode(encoding)
        assert RU in decode(body)[0]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8])
def test_byte_order_mark(bom):
    text, used = decode(bom + RU.encode("utf-8"), "text/html; charset=windows-1251")
    assert text == RU and used == "utf-8-sig"


def test_utf16_with_bom():
    assert decode(RU.encode("utf-16"))[0] == RU


def test_invalid_utf8_keeps_the_rest_and_invents_nothing():
    body = "Журналист сказал: ".encode() + b"\xff\xfe" + " всё верно. The end.".encode()
    text, used = decode(body, "text/html; charset=utf-8")
    assert (
        used == "utf-8"
        and text.startswith("Журналист сказал")
        and text.endswith("всё верно. The end.")
    )


def test_english_page_with_stray_bytes_is_not_read_as_cyrillic():
    body = b"<p>Court \xff\xfe fines reporter over council coverage, the paper said on Tuesday.</p>"
    text, _ = decode(body)
    assert "fines reporter" in text and not any("а" <= ch <= "я" for ch in text)


def test_declared_latin_page_stays_latin():
    body = "<p>Le café est très bon à Paris, déjà.</p>".encode("cp1252")
    assert (
        decode(body, "text/html; charset=windows-1252")[0]
        == "<p>Le café est très bon à Paris, déjà.</p>"
    )


def test_declared_charset_sources():
    assert declared_charset(b"", "text/html; charset=Windows-1251") == "cp1251"
    assert declared_charset(b'<?xml version="1.0" encoding="KOI8-R"?><rss/>') == "koi8-r"
    assert declared_charset(b"<html>") is None


def test_mojibake_scores_below_prose():
    assert cyrillic_score(RU) > 0 > cyrillic_score(RU.encode("cp1251").decode("koi8_r"))
