import pytest

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


def test_newest_first_is_by_date_not_by_insertion_order(db):
    save_articles(
        db,
        [
            {
                "url": f"https://o.test/{i}",
                "title": "t",
                "text": "иск к редакции",
                "published_at": f"2026-0{m}-01T00:00:00+05:00",
            }
            for i, m in enumerate([3, 9, 1, 7, 5])
        ],
    )
    months = [r["published_at"][5:7] for r in search(db, "иск")]
    assert months == ["09", "07", "05", "03", "01"]


def test_changed_date_moves_the_article_in_the_index(db):
    save_articles(
        db,
        [
            {"url": "https://o.test/a", "text": "иск", "published_at": "2026-01-01"},
            {"url": "https://o.test/b", "text": "иск", "published_at": "2026-02-01"},
        ],
    )
    save_articles(db, [{"url": "https://o.test/a", "text": "иск!", "published_at": "2026-03-01"}])
    assert [r["url"] for r in search(db, "иск")] == ["https://o.test/a", "https://o.test/b"]


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
