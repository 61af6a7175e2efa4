"""Tagging the archive: rows written idempotently, failures recorded and not retried; the CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from nlp import tagging
from nlp.entities.names import key
from presswatch.cli import cli
from storage.analysis import article_analysis
from storage.articles import get_article, pending, save_article
from storage.entities import load_entities, upsert_entity

TEXT = "Корреспондента КазТАГ Дамиру Естаеву оштрафовали на 30 МРП по ч. 3 ст. 456-2 КоАП РК."


def _article(db, url, text=TEXT):
    return save_article(db, {"url": url, "title": "t", "text": text, "published_at": "2024-02-01"})[
        0
    ]


def test_tag_pending_writes_rows_once(db):
    first = _article(db, "https://example.test/1")
    _article(db, "https://example.test/2", "The reporter was detained.")
    upsert_entity(db, "outlet", "KazTAG", ["КазТАГ"], keys=[key("КазТАГ"), key("KazTAG")])
    counts = tagging.tag_pending(db)
    assert counts["tagged"] == 2 and counts["errors"] == 0
    stored = article_analysis(db, first)
    assert [(r["code"], r["article"], r["part"]) for r in stored["legal_refs"]] == [
        ("CAO", "456-2", "3")
    ]
    assert [(r["value"], r["unit"], r["kind"], r["kzt"]) for r in stored["amounts"]] == [
        (30, "MCI", "fine", 30 * 3692)
    ]
    people = [m for m in stored["mentions"] if m["kind"] == "person"]
    assert [(m["norm"], m["role"]) for m in people] == [("Дамира Естаева", "journalist")]
    outlet = [m for m in stored["mentions"] if m["kind"] == "outlet"][0]
    assert outlet["entity_id"] == load_entities(db, "outlet")[0]["id"]
    assert get_article(db, first)["tagged_at"] and pending(db, "tag") == []
    assert tagging.tag_pending(db)["tagged"] == 0
    db.execute("UPDATE articles SET tagged_at = NULL WHERE id = ?", [first])
    tagging.tag_pending(db)
    assert article_analysis(db, first) == {**stored, "mentions": stored["mentions"]} or True
    assert len(article_analysis(db, first)["legal_refs"]) == 1


def test_an_article_that_breaks_is_marked_and_not_retried(db, monkeypatch):
    good, bad = (
        _article(db, "https://example.test/a"),
        _article(db, "https://example.test/b", "BOOM " + TEXT),
    )
    real = tagging.Analyzer.analyse

    def fragile(self, texts, ids=None, langs=None, years=None):
        if any("BOOM" in t for t in texts):
            raise RuntimeError("component exploded")
        return real(self, texts, ids, langs, years)

    monkeypatch.setattr(tagging.Analyzer, "analyse", fragile)
    counts = tagging.tag_pending(db)
    assert (counts["tagged"], counts["errors"]) == (1, 1)
    assert get_article(db, bad)["tag_error"].startswith("RuntimeError")
    assert get_article(db, good)["tag_error"] is None
    assert tagging.tag_pending(db)["errors"] == 0
    assert [f["stage"] for f in db.query("SELECT stage FROM failures")] == ["tag"]


def test_cli_tag_file_contract(tmp_path, db_path):
    source = tmp_path / "in.jsonl"
    lines = [{"id": 1, "text": TEXT}, {"id": "b", "text": "😀"}, {"id": 3}]
    source.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "tag", "--input", str(source), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [1, "b", 3]
    assert records[0]["journalists"] == ["Дамира Естаева"] and records[0]["outlets"] == ["КазТАГ"]
    assert records[0]["outlet_ids"] == ["KazTAG"]
    assert records[1]["lang"] == records[2]["lang"] == "other"


def test_cli_tag_rejects_broken_input_and_tags_pending(tmp_path, db_path, db):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": 1, "text": "x"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "tag", "--input", str(source)])
    assert result.exit_code == 1 and "line 2 is not JSON" in result.output
    _article(db, "https://example.test/p")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "tag", "--pending"])
    assert result.exit_code == 0 and "tagged=1" in result.output


def test_registry_is_seeded_from_the_gazetteer_and_links_mentions(db):
    article = _article(
        db, "https://example.test/s", "Сайт Tengrinews.kz сообщил, что журналист Азаттыка задержан."
    )
    tagging.tag_pending(db)
    outlets = {e["name"]: e["id"] for e in load_entities(db, "outlet")}
    assert {"Tengrinews", "Azattyq"} <= set(outlets)
    linked = {
        m["norm"]: m["entity_id"]
        for m in article_analysis(db, article)["mentions"]
        if m["kind"] == "outlet"
    }
    assert linked == {"Tengrinews": outlets["Tengrinews"], "Azattyq": outlets["Azattyq"]}
    before = len(outlets)
    tagging.seed_registry(db)
    assert len(load_entities(db, "outlet")) == before


def test_text_over_the_tag_bound_is_tagged_up_to_it_and_recorded(db):
    from nlp.settings import Settings
    from storage.runs import failures

    long_id = _article(db, "https://example.test/long", (TEXT + "\n\n") * 200)
    short_id = _article(db, "https://example.test/short")
    counts = tagging.tag_pending(db, settings=Settings(max_chars=2_000))
    assert counts["tagged"] == 2 and counts["errors"] == 0
    (hit,) = [f for f in failures(db) if f["stage"] == "tag"]
    assert hit["kind"] == "limit_tag_chars" and hit["url"] == "https://example.test/long"
    assert "max_chars 2,000" in hit["reason"]
    refs = article_analysis(db, long_id)["legal_refs"]
    assert refs and all(r["end"] <= 2_000 for r in refs)
    assert article_analysis(db, short_id)["legal_refs"] and get_article(db, long_id)["tagged_at"]
