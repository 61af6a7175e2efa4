"""Grouping on the demo newsroom: each multi-outlet story is one candidate; re-runs file nothing;
a follow-up about an accepted incident becomes a development proposal."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml

from nlp.detect.detection import detect_pending
from nlp.entities.names import key
from nlp.incidents.grouping import group_and_file, surname
from nlp.tagging import tag_pending
from nlp.text.simhash import distance, near, simhash
from storage.archive import connect
from storage.articles import save_articles
from storage.candidates import articles_of, current
from storage.filing import candidates_of
from storage.migrations import migrate
from storage.triage import accept

CONTENT = Path(__file__).resolve().parent.parent / "presswatch" / "newsroom" / "content"


def _articles(name: str) -> list[dict]:
    return yaml.safe_load((CONTENT / f"{name}.yaml").read_text(encoding="utf-8"))


def _record(a: dict) -> dict:
    return {
        "url": f"http://{a['outlet']}.test/{a['id']}",
        "title": a["title"],
        "text": a["body"],
        "lang": a["lang"],
        "outlet": a["outlet"],
        "source": a["outlet"],
        "published_at": a["published"],
    }


def _pipeline(db) -> dict:
    tag_pending(db)
    detect_pending(db)
    return group_and_file(db)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """The grouping logic on the rules' signals (deterministic on fictional texts)."""
    db = connect(tmp_path_factory.mktemp("grouping") / "archive.db")
    migrate(db)
    incidents = _articles("articles_incidents")
    save_articles(db, [_record(a) for a in incidents + _articles("articles_news")])
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRESSWATCH_DETECTOR", "rules")
        first = _pipeline(db)
        yield db, incidents, first
    db.close()


def _story_candidates(db, incidents) -> dict[str, set[int]]:
    story = {_record(a)["url"]: a["story"] for a in incidents}
    out = collections.defaultdict(set)
    for c in candidates_of(db):
        for art in articles_of(db, c["id"]):
            if art["url"] in story:
                out[story[art["url"]]].add(c["id"])
    return out


def test_multi_outlet_stories_are_one_candidate_each(newsroom):
    db, incidents, first = newsroom
    outlets = collections.defaultdict(set)
    for a in incidents:
        outlets[a["story"]].add(a["outlet"])
    multi = [s for s, o in outlets.items() if len(o) > 1]
    assert len(multi) >= 10
    found = _story_candidates(db, incidents)
    split = {s: sorted(found.get(s, ())) for s in multi if len(found.get(s, ())) != 1}
    assert not split
    assert first["new_total"] == len(candidates_of(db))


def test_candidates_have_facets_in_the_shared_format(newsroom):
    db, _, _ = newsroom
    for c in candidates_of(db):
        assert c["category"].split(".")[0] in ("rights", "access", "legal")
        assert c["evidence"] and all(
            {"article_id", "sentence", "start", "end"} <= set(e) for e in c["evidence"]
        )
        assert c["status"] == "pending" and c["key"]
        assert c["case_status"] in (
            "reported",
            "investigation",
            "court",
            "decision",
            "appeal",
            "closed",
        )


def test_rerun_files_nothing_new(newsroom):
    db, _, _ = newsroom
    before = [(c["id"], c["key"]) for c in candidates_of(db)]
    links = db.execute("SELECT count(*) FROM candidate_articles").fetchone()[0]
    again = group_and_file(db)
    assert again["new_total"] == 0 and again["developments"] == 0
    assert [(c["id"], c["key"]) for c in candidates_of(db)] == before
    assert db.execute("SELECT count(*) FROM candidate_articles").fetchone()[0] == links
    assert detect_pending(db)["articles"] == 0


def test_follow_up_of_accepted_incident_is_a_development_proposal(tmp_path):
    db = connect(tmp_path / "dev.db")
    migrate(db)
    story = [a for a in _articles("articles_incidents") if a["story"] == "fine-456-2-sakhipollayev"]
    save_articles(db, [_record(a) for a in story if not a["followup"]])
    assert _pipeline(db)["new_total"] == 1
    [cand] = candidates_of(db)
    incident_id = accept(db, cand["id"], reviewer="demo", version=cand["version"])
    save_articles(db, [_record(a) for a in story if a["followup"]])
    counts = _pipeline(db)
    assert counts["developments"] == 1 and counts["new_total"] == 0
    proposal = [c for c in candidates_of(db) if c["proposed_incident_id"]]
    assert [c["proposed_incident_id"] for c in proposal] == [incident_id]
    assert current(db, cand["id"])["status"] == "accepted"
    assert _pipeline(db)["developments"] == 0


def test_simhash_near_duplicates():
    text = " ".join(a["body"] for a in _articles("articles_incidents")[:1])
    assert distance(simhash(text), simhash(text)) == 0
    assert near(simhash(text), simhash(text.replace("вторые", "третьи") + " Обновлено."))
    assert not near(
        simhash(text), simhash("В Алматы прошел снег, дороги закрыты на несколько часов.")
    )
    assert -(2**63) <= simhash(text) < 2**63


def test_surname_keys_meet_across_scripts_and_cases():
    assert surname(key("Жанар Төлеубекова")) == surname(key("Zhanar Tuleubekova"))
    assert surname(key("А. Салыкбаева")) == surname(key("Ануар Салыкбаев"))


def _replay(db0, path: Path, seed: int, batches: int) -> set[frozenset[str]]:
    """The articles (and their detected signals) of ``db0`` arriving in another order, in
    ``batches`` runs with grouping after each (a resumed nightly): the candidates as URL sets."""
    import random

    from storage.signals import save_signals, signals_of

    rows = list(
        db0.query("SELECT id, url, title, text, lang, outlet, source, published_at FROM articles")
    )
    random.Random(seed).shuffle(rows)
    db = connect(path)
    migrate(db)
    size = -(-len(rows) // batches)
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        save_articles(db, [{k: v for k, v in r.items() if k != "id"} for r in batch])
        for r in batch:
            new_id = db.execute("SELECT id FROM articles WHERE url = ?", [r["url"]]).fetchone()[0]
            save_signals(db, new_id, signals_of(db0, r["id"]))
        group_and_file(db)
    out = {frozenset(a["url"] for a in articles_of(db, c["id"])) for c in candidates_of(db)}
    db.close()
    return out


def test_candidates_do_not_depend_on_the_order_articles_arrive_in(newsroom, tmp_path):
    db, _, _ = newsroom
    once = _replay(db, tmp_path / "once.db", 0, 1)
    assert len(once) == len(candidates_of(db))
    for seed, batches in ((1, 3), (2, 5), (3, 8), (4, 2)):
        assert _replay(db, tmp_path / f"r{seed}.db", seed, batches) == once, (seed, batches)
