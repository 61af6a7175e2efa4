import pytest

from storage import search as search_mod
from storage.articles import save_articles
from storage.search import Filters, fts_query, search


@pytest.fixture
def filled(db):
    rows = []
    for i in range(60):
        rows.append(
            {
                "url": f"https://example.test/{i}",
                "title": f"Новость {i}",
                "text": ("суд оштрафовал редакцию " if i % 2 else "погода в городе ") + f"номер{i}",
                "lang": "ru" if i % 3 else "kk",
                "outlet": "Alpha" if i < 30 else "Beta",
                "published_at": f"2026-10-{1 + i % 28:02d}T{i % 24:02d}:00:00+05:00",
            }
        )
    rows.append(
        {
            "url": "https://example.test/rare",
            "title": "Редкое",
            "text": "уникальноеслово здесь",
            "lang": "ru",
            "outlet": "Beta",
            "published_at": "2026-09-01T00:00:00+05:00",
        }
    )
    save_articles(db, rows)
    return db


def _dates(rows):
    return [r["published_at"] for r in rows]


def test_newest_first_with_snippet(filled):
    rows = search(filled, "редакцию", limit=10)
    assert len(rows) == 10
    assert _dates(rows) == sorted(_dates(rows), reverse=True)
    assert all("[редакцию]" in r["snippet"] for r in rows)


def test_common_term_plan_gives_the_same_answer_as_the_rare_plan(filled, monkeypatch):
    rare_plan = search(filled, "редакцию", limit=15)
    monkeypatch.setattr(search_mod, "COMMON", 5)
    monkeypatch.setattr(search_mod, "WINDOW", 7)
    common_plan = search(filled, "редакцию", limit=15)
    assert [r["id"] for r in common_plan] == [r["id"] for r in rare_plan]


def test_filters(filled):
    rows = search(filled, "редакцию", filters=Filters(outlet="Beta", lang="kk"), limit=100)
    assert rows and all(r["outlet"] == "Beta" and r["lang"] == "kk" for r in rows)
    rows = search(
        filled, "редакцию", filters=Filters(since="2026-10-10", until="2026-10-12"), limit=100
    )
    assert rows and all("2026-10-10" <= r["published_at"][:10] <= "2026-10-12" for r in rows)


def test_ranked_and_rare(filled):
    rows = search(filled, "уникальноеслово", rank=True)
    assert [r["url"] for r in rows] == ["https://example.test/rare"]


def test_user_text_cannot_break_the_query(filled):
    assert search(filled, 'суд" OR (') == []
    assert fts_query("a-b c") == '"a-b" "c"'
