# ruff: noqa: F811 - the fixtures imported from test_review_app are parameters here
"""The i18n branch on top of the accounts database: the reviewer's language lives in the accounts
database (m044), the language menu's ``next`` is as safe as the login's, and what main added
after the branch (password page, merge and redaction errors, digital-security table) is in
Russian and Kazakh."""

from __future__ import annotations

import pytest
from test_review_app import ORIGIN, app, db_path, demo, login, template, token  # noqa: F401

from presswatch.locales import gettext
from reports import security
from storage.accounts import open_accounts
from storage.archive import connect
from storage.errors import ReviewError
from storage.migrations import MIGRATIONS, migrate
from storage.redactions import add as redact
from storage.reviewers import add_reviewer, get_reviewer, set_language

BEFORE = MIGRATIONS[: [m.__name__ for m in MIGRATIONS].index("m044_reviewer_language")]


def test_language_column_is_added_to_an_existing_accounts_database(tmp_path):
    db = connect(tmp_path / "archive.db")
    migrate(db, BEFORE)  # accounts made by m010 as main left them: no language
    add_reviewer(db, "alma", "alma-password")
    assert "lang" not in open_accounts(db)["reviewers"].columns_dict
    assert migrate(db) == ["m044_reviewer_language"]
    accounts = open_accounts(db)
    assert get_reviewer(accounts, "alma")["lang"] is None
    set_language(db, "alma", "ru")
    assert accounts.execute("SELECT lang FROM reviewers").fetchall() == [("ru",)]
    assert not db["reviewers"].exists()  # nothing about accounts in the archive Datasette serves
    assert not any("lang" in t.columns_dict for t in db.tables if t.name == "reviewers")


def test_set_language_refuses_unknown_language_and_reviewer(db):
    add_reviewer(db, "bota", "bota-password")
    with pytest.raises(ReviewError, match="unknown language 'xx'"):
        set_language(db, "bota", "xx")
    with pytest.raises(ReviewError, match="no reviewer named 'nobody'"):
        set_language(db, "nobody", "kk")


def choose(client, lang, target):
    return client.post(
        "/language",
        data={"csrf_token": token(client, "/"), "lang": lang, "next": target},
        headers=ORIGIN,
    )


def test_language_choice_is_stored_in_the_accounts_database(app, db_path):
    client = login(app)
    assert choose(client, "kk", "/incidents").location == "/incidents"
    assert get_reviewer(open_accounts(db_path), "alma")["lang"] == "kk"
    assert '<html lang="kk">' in client.get("/", headers={"Accept-Language": "ru"}).text


@pytest.mark.parametrize(
    "target", ["/\t/evil.example", "/%09/evil.example", "/\n/x", "/.//evil.example", "/\\evil"]
)
def test_language_menu_next_never_leaves_the_site(app, target):
    """The branch's own check let ``/<TAB>/evil`` through; it now goes through ``safe_next``."""
    assert choose(login(app), "ru", target).location == "/"


@pytest.mark.parametrize("target", ["/\t/evil.example", "/.//evil.example"])
def test_redaction_next_never_leaves_the_site(app, target):
    client = login(app, "erzhan")
    resp = client.post(
        "/redactions",
        data={
            "csrf_token": token(client, "/redactions"),
            "kind": "span",
            "text": "x",
            "next": target,
        },
        headers=ORIGIN,
    )
    assert resp.location == "/redactions"


def test_password_page_and_its_errors_in_kazakh(app):
    client = login(app)
    choose(client, "kk", "/")
    assert "Құпиясөзіңізді ауыстыру" in client.get("/account/password").text
    data = {"password": "wrong-password", "new_password": "a fresh password"}
    resp = client.post(
        "/account/password",
        data={
            **data,
            "confirm": data["new_password"],
            "csrf_token": token(client, "/account/password"),
        },
        headers=ORIGIN,
    )
    assert resp.status_code == 400 and "қазіргі құпиясөз қате" in resp.text
    resp = client.post(
        "/account/password",
        data={**data, "confirm": "typo", "csrf_token": token(client, "/account/password")},
        headers=ORIGIN,
    )
    assert "Жаңа құпиясөздер сәйкес келмейді." in resp.text


def test_merge_and_redaction_errors_in_russian(app):
    client = login(app, "erzhan")
    choose(client, "ru", "/")
    client.get("/incidents/1/merge?into=1")
    assert "инцидент нельзя объединить с самим собой" in client.get("/incidents/1").text
    client.get("/incidents/1/merge?into=999999")
    assert "нет инцидента №999999" in client.get("/incidents/1").text
    client.post(
        "/redactions",
        data={"csrf_token": token(client, "/redactions"), "kind": "person", "text": "ab"},
        headers=ORIGIN,
    )
    assert (
        "Не скрыто: для сокрытия нужно не меньше 3 символов текста"
        in client.get("/redactions").text
    )


def test_storage_errors_keep_their_english_wording(db):
    with pytest.raises(ReviewError) as caught:
        redact(db, "person", reviewer="alma", text="ab")
    assert str(caught.value) == "a redaction needs at least 3 characters of text"
    assert gettext(caught.value.template, "kk", **caught.value.values) == (
        "жасыру үшін кемінде 3 таңба мәтін керек"
    )


def test_digital_security_table_words_from_the_catalogues():
    assert security.words("en")["title"] == "Digital security threats"
    assert security.words("ru")["ab"] == "Всего по (а) и (б)"
    assert security.words("kk")["col_kind"] == "Түрі"
    assert security.words("de") == security.words("en")  # a language without a catalogue
    for lang in ("ru", "kk"):
        assert all(security.words(lang)[k] != security.words("en")[k] for k in security.WORDS)
