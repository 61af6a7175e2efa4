from storage.articles import get_by_url, known_urls, pending, save_article, save_articles, versions
from storage.search import search


def article(url="https://example.test/a/1", text="Журналист Асан Бектуров оштрафован.", **kw):
    return {
        "url": url,
        "title": kw.pop("title", "Штраф"),
        "text": text,
        "lang": "ru",
        "outlet": "Вымышленные вести",
        "published_at": "2026-11-02T10:00:00+05:00",
        **kw,
    }


def test_saving_the_same_article_twice_keeps_one_row(db):
    first = save_article(db, article())
    second = save_article(db, article())
    assert first[1] == "new" and second == (first[0], "unchanged")
    assert db["articles"].count == 1
    assert versions(db, first[0]) == []


def test_changed_text_is_a_new_version_not_an_overwrite(db):
    art_id, _ = save_article(db, article(text="Первая редакция текста."))
    again = save_article(db, article(text="Исправленная редакция текста."))
    assert again == (art_id, "updated")
    row = get_by_url(db, "https://example.test/a/1")
    assert row["version"] == 2 and row["text"] == "Исправленная редакция текста."
    old = versions(db, art_id)
    assert [v["text"] for v in old] == ["Первая редакция текста."]
    assert old[0]["version"] == 1


def test_update_resets_analysis_so_the_new_text_is_tagged_again(db):
    art_id, _ = save_article(db, article())
    db["articles"].update(art_id, {"tagged_at": "2026-11-02T00:00:00+00:00"})
    assert pending(db, "tag") == []
    save_article(db, article(text="Новый текст"))
    assert [a["id"] for a in pending(db, "tag")] == [art_id]


def test_batch_save_reports_new_updated_unchanged(db):
    save_articles(db, [article(url=f"https://example.test/{i}") for i in range(3)])
    result = save_articles(
        db,
        [
            article(url="https://example.test/0"),
            article(url="https://example.test/1", text="changed"),
            article(url="https://example.test/9"),
        ],
    )
    assert set(result.unchanged) == {"https://example.test/0"}
    assert set(result.updated) == {"https://example.test/1"}
    assert set(result.new) == {"https://example.test/9"}
    assert known_urls(db, ["https://example.test/9", "https://example.test/77"]) == {
        "https://example.test/9"
    }


def test_fts_in_sync_after_insert_update_delete(db):
    art_id, _ = save_article(db, article(text="Редакция подверглась DDoS-атаке"))
    assert [r["id"] for r in search(db, "DDoS")] == [art_id]
    save_article(db, article(text="Редакция получила иск"))
    assert search(db, "DDoS") == []
    assert [r["id"] for r in search(db, "иск")] == [art_id]
    db.execute("DELETE FROM article_versions")
    db["articles"].delete(art_id)
    assert search(db, "иск") == []
    assert db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 0
