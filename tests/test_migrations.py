from storage.archive import connect
from storage.doctor import diagnose
from storage.migrations import MIGRATIONS, applied, migrate, pending


def test_migrate_from_empty_applies_everything(tmp_path):
    db = connect(tmp_path / "a.db")
    assert migrate(db) == [m.__name__ for m in MIGRATIONS]
    assert pending(db) == []
    assert all(c.ok for c in diagnose(db))


def test_migrate_is_idempotent(db):
    before = applied(db)
    assert migrate(db) == []
    assert applied(db) == before


def test_migrate_from_every_earlier_version(tmp_path):
    for k in range(len(MIGRATIONS)):
        db = connect(tmp_path / f"v{k}.db")
        migrate(db, MIGRATIONS[:k])
        assert len(applied(db)) == k
        done = migrate(db)
        assert done == [m.__name__ for m in MIGRATIONS[k:]]
        assert all(c.ok for c in diagnose(db)), k
        db.close()


def test_unknown_migration_in_archive_is_refused(db):
    import pytest

    from storage.errors import MigrationError

    db["_migrations"].insert({"name": "m999_from_the_future", "applied_at": "2099-01-01"})
    with pytest.raises(MigrationError, match="m999_from_the_future"):
        migrate(db)


def test_failed_migration_leaves_nothing_half_applied(tmp_path):
    import pytest

    def m900_broken(db):
        db["half"].create({"id": int}, pk="id")
        raise RuntimeError("boom")

    db = connect(tmp_path / "b.db")
    with pytest.raises(RuntimeError):
        migrate(db, [*MIGRATIONS, m900_broken])
    assert "half" not in db.table_names()
    assert pending(db, [*MIGRATIONS, m900_broken]) == ["m900_broken"]
