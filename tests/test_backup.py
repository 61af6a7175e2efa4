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
