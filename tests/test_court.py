from pathlib import Path

from scrapy.http import HtmlResponse

from crawlers.court_text import case_text
from crawlers.spiders.court import court_fields

SELECTORS = {
    "title": "h1.case-title",
    "court": "dd.court",
    "case_number": "dd.case-number",
    "date": "dd.date time",
    "parties": "dd.parties li",
    "article": "dd.article",
    "decision": "dd.decision",
    "text": "div.decision-text",
}


def response():
    body = (Path(__file__).parent / "data" / "crawl" / "court_case.html").read_bytes()
    return HtmlResponse("http://court.example/case/1", body=body, encoding="utf-8")


def test_court_fields():
    fields = court_fields(response(), SELECTORS)
    assert fields["case_number"] == "2-1234/2026"
    assert fields["parties"] == [
        "Истец: ТОО «Каратал Строй»",
        "Ответчик: редакция «Вестника Прииртышья»",
    ]
    assert fields["article"] == "статья 143 Гражданского кодекса"
    assert fields["date"] == "20.10.2026"


def test_missing_selectors_give_none():
    fields = court_fields(response(), {"text": "div.decision-text"})
    assert fields["court"] is None and fields["parties"] == []


def test_case_text_puts_fields_before_the_decision():
    text = case_text(court_fields(response(), SELECTORS))
    assert text.splitlines()[1] == "Case: 2-1234/2026"
    assert text.endswith("Истец требовал 20 000 000 тенге.")
