import pytest

from storage.archive import connect
from storage.articles import save_articles
from storage.backup import backup, integrity
from storage.errors import ArchiveError


def _dump(db):
    return list(db.conn.iterdump())


def test_backup_restores_to_an_identical_archive(db, tmp_path):
    save_articles(
        db, [{"url": f"https://b.test/{i}", "title": "Т", "text": f"текст {i}"} for i in range(50)]
    )
    out = backup(db, tmp_path / "copy.db")
    assert integrity(out) == []
    assert _dump(connect(out)) == _dump(db)


def test_backup_refuses_to_overwrite(db, tmp_path):
    (tmp_path / "exists.db").write_bytes(b"x")
    with pytest.raises(ArchiveError, match="exists"):
        backup(db, tmp_path / "exists.db")


def test_backup_command_copies_the_accounts_too(db_path, tmp_path):
    from click.testing import CliRunner

    from presswatch.cli import cli
    from storage.accounts import accounts_path, open_accounts
    from storage.reviewers import add_reviewer, verify

    add_reviewer(open_accounts(db_path), "alma", "alma-password")
    dest = tmp_path / "copy.db"
    result = CliRunner().invoke(cli, ["--db", str(db_path), "backup", str(dest)])
    assert result.exit_code == 0, result.output
    assert verify(open_accounts(dest), "alma", "alma-password") is not None
    assert oct(accounts_path(dest).stat().st_mode & 0o777) == "0o600"
