"""The review CLI verbs: reviewers add/list/disable and candidates list/show/accept/reject/merge/undo."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from presswatch.cli import cli
from presswatch.demo_data.archive import build_demo
from storage import candidates, incidents
from storage.reviewers import get_reviewer


@pytest.fixture
def demo(db, db_path, tmp_path):
    keys = build_demo(db)
    secret = tmp_path / "pw"
    secret.write_text("alma-password\n", encoding="utf-8")
    result = invoke(
        db_path, "reviewers", "add", "alma", "--role", "editor", "--password-file", str(secret)
    )
    assert result.exit_code == 0, result.output
    return keys


def invoke(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def test_reviewers_list_and_disable(db_path, demo):
    assert "alma" in invoke(db_path, "reviewers", "list").output
    assert invoke(db_path, "reviewers", "disable", "alma").exit_code == 0
    assert "disabled" in invoke(db_path, "reviewers", "list").output
    result = invoke(db_path, "candidates", "reject", "2", "--reviewer", "alma", "--reason", "x")
    assert result.exit_code == 1 and "no active reviewer" in result.output


def test_reviewer_language(db, db_path, demo):
    assert invoke(db_path, "reviewers", "language", "alma", "kk").exit_code == 0
    assert get_reviewer(db, "alma")["lang"] == "kk"
    assert " kk " in invoke(db_path, "reviewers", "list").output
    assert invoke(db_path, "reviewers", "language", "alma", "browser").exit_code == 0
    assert get_reviewer(db, "alma")["lang"] is None
    assert invoke(db_path, "reviewers", "language", "alma", "de").exit_code == 2
    result = invoke(db_path, "reviewers", "language", "nobody", "ru")
    assert result.exit_code == 1 and "no reviewer named 'nobody'" in result.output


def test_list_filters_and_json(db_path, demo):
    rows = json.loads(
        invoke(db_path, "candidates", "list", "--format", "json", "--lang", "en").output
    )
    assert {r["id"] for r in rows} == {
        demo[k] for k in ("attack-satpayeva", "ddos-qala", "summons-ospanov", "insult-en")
    }
    table = invoke(db_path, "candidates", "list", "--category", "legal.civil").output
    assert "Тілшіге қарсы" in table and len(table.splitlines()) == 1
    shown = json.loads(invoke(db_path, "candidates", "show", str(demo["fine-esimov"])).output)
    assert len(shown["articles"]) == 2


def test_accept_reject_merge_undo(db, db_path, demo):
    out = invoke(
        db_path,
        "candidates",
        "accept",
        str(demo["ddos-qala"]),
        "--reviewer",
        "alma",
        "--place",
        "Темиртау",
    )
    assert out.exit_code == 0, out.output
    incident_id = candidates.current(db, demo["ddos-qala"])["incident_id"]
    assert incidents.current(db, incident_id)["place"] == "Темиртау"
    assert (
        invoke(
            db_path,
            "candidates",
            "reject",
            str(demo["insult-en"]),
            "--reviewer",
            "alma",
            "--reason",
            "opinion piece",
        ).exit_code
        == 0
    )
    prior = candidates.current(db, demo["court-kasymov"])["proposed_incident_id"]
    out = invoke(
        db_path,
        "candidates",
        "merge",
        str(demo["court-kasymov"]),
        "--reviewer",
        "alma",
        "--into",
        str(prior),
        "--development",
        "court",
    )
    assert out.exit_code == 0, out.output
    assert incidents.current(db, prior)["status"] == "court"
    assert "undid merge" in invoke(db_path, "candidates", "undo", "--reviewer", "alma").output
    assert incidents.current(db, prior)["status"] == "investigation"


def test_stale_version_is_a_one_line_conflict(db_path, demo):
    cid = str(demo["threat-dala"])
    assert (
        invoke(
            db_path, "candidates", "reject", cid, "--reviewer", "alma", "--reason", "x"
        ).exit_code
        == 0
    )
    out = invoke(db_path, "candidates", "accept", cid, "--reviewer", "alma", "--version", "1")
    assert out.exit_code == 1 and "was changed by alma" in out.output


def test_review_refuses_to_start_without_the_accounts_database(db_path):
    from storage.accounts import accounts_path

    accounts_path(db_path).unlink()
    result = invoke(db_path, "review", "--port", "0")
    assert result.exit_code == 1 and "no accounts database" in result.output
