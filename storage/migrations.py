"""Schema migrations: one function per schema change, applied in order, never edited once landed.

Each migration is recorded in ``_migrations`` by name. New schema changes are new functions
appended to :data:`MIGRATIONS`; ``presswatch init`` and ``presswatch doctor`` use this list.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from storage.accounts import accounts_path, archive_file, create_accounts
from storage.archive import write
from storage.clock import now
from storage.errors import MigrationError

Migration = Callable[[sqlite_utils.Database], None]


def m001_sources_pages_articles(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {
            "name": str,
            "outlet": str,
            "kind": str,
            "lang": str,
            "start_urls": str,
            "config": str,
            "enabled": int,
            "line": int,
            "loaded_at": str,
        },
        pk="name",
        not_null={"kind"},
        defaults={"enabled": 1},
    )
    db["pages"].create(
        {
            "id": int,
            "url": str,
            "final_url": str,
            "status": int,
            "headers": str,
            "body": bytes,
            "body_size": int,
            "encoding": str,
            "sha256": str,
            "fetched_at": str,
            "source": str,
            "run_id": int,
            "error": str,
        },
        pk="id",
        not_null={"url", "fetched_at"},
    )
    db["pages"].create_index(["url", "sha256"], unique=True)
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "source": str,
            "outlet": str,
            "title": str,
            "text": str,
            "lang": str,
            "published_at": str,
            "authors": str,
            "content_hash": str,
            "fingerprint": int,
            "duplicate_of": int,
            "extractor": str,
            "page_id": int,
            "version": int,
            "first_seen_at": str,
            "updated_at": str,
            "tagged_at": str,
            "tag_error": str,
            "detected_at": str,
            "sortkey": int,
        },
        pk="id",
        not_null={"url", "content_hash"},
        defaults={"version": 1},
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["published_at"])
    db["articles"].create_index(["outlet", "published_at"])
    db["articles"].create_index(["tagged_at"])
    db["article_versions"].create(
        {
            "id": int,
            "article_id": int,
            "version": int,
            "title": str,
            "text": str,
            "content_hash": str,
            "page_id": int,
            "saved_at": str,
            "replaced_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id", "version"], unique=True)
    create_article_search(db)


# The full-text index's rowid is a date-ordered key, (published epoch seconds << 31) | id, so that
# "newest first" is FTS5's own rowid order: the cost of a page of results no longer depends on how
# many articles match. Triggers keep ``articles.sortkey`` and the index in sync.
SORTKEY = (
    "((max(0, coalesce(CAST(strftime('%s', coalesce({r}.published_at, {r}.first_seen_at)) "
    "AS INTEGER), 0)) << 31) | {r}.id)"
)


def create_article_search(db: sqlite_utils.Database) -> None:
    db["articles"].create_index(["sortkey"], unique=True)
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='sortkey', tokenize='unicode61 remove_diacritics 2')"
    )
    new = SORTKEY.format(r="new")
    delete = (
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.sortkey, old.title, old.text);"
    )
    insert = f"INSERT INTO articles_fts(rowid, title, text) VALUES ({new}, new.title, new.text);"
    resort = f"UPDATE articles SET sortkey = {new} WHERE id = new.id;"
    for name, event, body in (
        ("articles_ai", "AFTER INSERT", resort + insert),
        ("articles_ad", "AFTER DELETE", delete),
        (
            "articles_au",
            "AFTER UPDATE OF title, text, published_at, first_seen_at",
            delete + resort + insert,
        ),
    ):
        db.execute(f"CREATE TRIGGER {name} {event} ON articles BEGIN {body} END")


def m002_analysis(db: sqlite_utils.Database) -> None:
    span = {"article_id": int, "text": str, "start": int, "end": int}
    db["mentions"].create(
        {**span, "id": int, "kind": str, "norm": str, "role": str, "entity_id": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["mentions"].create_index(["article_id", "kind", "start", "end"], unique=True)
    db["mentions"].create_index(["norm"])
    db["legal_refs"].create(
        {**span, "id": int, "code": str, "article": str, "part": str, "paragraph": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["legal_refs"].create_index(
        ["article_id", "start", "end", "code", "article", "part"], unique=True
    )
    db["legal_refs"].create_index(["code", "article"])
    db["amounts"].create(
        {**span, "id": int, "value": float, "unit": str, "kzt": float, "kind": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["amounts"].create_index(["article_id", "start", "end", "unit"], unique=True)
    db["entities"].create(
        {
            "id": int,
            "kind": str,
            "name": str,
            "role": str,
            "aliases": str,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
    )
    db["entities"].create_index(["kind", "name"], unique=True)
    db["entity_aliases"].create(
        {"alias": str, "entity_id": int},
        pk="alias",
        foreign_keys=[("entity_id", "entities", "id")],
    )


def m003_candidates_incidents(db: sqlite_utils.Database) -> None:
    facets = {
        "category": str,
        "confidence": float,
        "title": str,
        "summary": str,
        "victims": str,
        "outlets": str,
        "perpetrator": str,
        "legal_refs": str,
        "amounts": str,
        "place": str,
        "event_date": str,
        "case_status": str,
        "evidence": str,
        "cues": str,
    }
    db["signals"].create(
        {"id": int, "article_id": int, **facets, "created_at": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["signals"].create_index(["article_id", "category"], unique=True)
    db["incidents"].create(
        {
            "id": int,
            **facets,
            "status": str,
            "ongoing": int,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
            "version": int,
        },
        pk="id",
        defaults={"version": 1, "ongoing": 0, "status": "reported"},
    )
    db["incidents"].create_index(["event_date"])
    db["incidents"].create_index(["category"])
    db["candidates"].create(
        {
            "id": int,
            "key": str,
            **facets,
            "status": str,
            "incident_id": int,
            "proposed_incident_id": int,
            "claimed_by": str,
            "claimed_at": str,
            "created_at": str,
            "updated_at": str,
            "version": int,
        },
        pk="id",
        not_null={"key"},
        defaults={"status": "pending", "version": 1},
        foreign_keys=[("incident_id", "incidents", "id")],
    )
    db["candidates"].create_index(["key"], unique=True)
    db["candidates"].create_index(["status", "confidence"])
    db["candidate_articles"].create(
        {"candidate_id": int, "article_id": int, "signal_id": int, "added_at": str},
        pk=("candidate_id", "article_id"),
        foreign_keys=[("candidate_id", "candidates", "id"), ("article_id", "articles", "id")],
    )
    db["incident_articles"].create(
        {"incident_id": int, "article_id": int, "added_at": str},
        pk=("incident_id", "article_id"),
        foreign_keys=[("incident_id", "incidents", "id"), ("article_id", "articles", "id")],
    )
    db["developments"].create(
        {
            "id": int,
            "incident_id": int,
            "status": str,
            "date": str,
            "note": str,
            "article_id": int,
            "candidate_id": int,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("incident_id", "incidents", "id")],
    )


def m004_people_runs_reports(db: sqlite_utils.Database) -> None:
    db["reviewers"].create(
        {
            "id": int,
            "name": str,
            "role": str,
            "password_hash": str,
            "disabled": int,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "role"},
        defaults={"disabled": 0},
    )
    db["reviewers"].create_index(["name"], unique=True)
    db["decisions"].create(
        {
            "id": int,
            "at": str,
            "reviewer": str,
            "target_type": str,
            "target_id": int,
            "action": str,
            "reason": str,
            "before": str,
            "after": str,
        },
        pk="id",
        not_null={"at", "action"},
    )
    db["decisions"].create_index(["target_type", "target_id"])
    for op in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER decisions_append_only_{op.lower()} BEFORE {op} ON decisions "
            "BEGIN SELECT RAISE(ABORT, 'decisions is an append-only log'); END"
        )
    db["runs"].create(
        {
            "id": int,
            "kind": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "summary": str,
            "stats": str,
        },
        pk="id",
    )
    db["source_runs"].create(
        {
            "id": int,
            "run_id": int,
            "source": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "items": int,
            "pages": int,
            "errors": int,
            "reason": str,
        },
        pk="id",
    )
    db["source_runs"].create_index(["source", "started_at"])
    db["failures"].create(
        {
            "id": int,
            "run_id": int,
            "source": str,
            "url": str,
            "stage": str,
            "kind": str,
            "reason": str,
            "at": str,
        },
        pk="id",
    )
    db["failures"].create_index(["source", "at"])
    db["reports"].create(
        {"id": int, "month": str, "lang": str, "published_at": str, "body": str, "figures": str},
        pk="id",
    )


def m005_review_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the review queue, candidate and incident pages and the undo lookup."""
    db["candidates"].create_index(["status", "confidence", "event_date"])
    db["candidates"].create_index(["category", "status"])
    db["candidate_articles"].create_index(["article_id"])
    db["incident_articles"].create_index(["article_id"])
    db["developments"].create_index(["incident_id", "date"])
    db["decisions"].create_index(["reviewer", "id"])
    db["incidents"].create_index(["status"])


def m006_crawlers_feed_validators(db: sqlite_utils.Database) -> None:
    """HTTP validators (ETag, Last-Modified) per feed URL, so an unchanged feed costs one 304."""
    db["feed_validators"].create(
        {"url": str, "source": str, "etag": str, "last_modified": str, "checked_at": str},
        pk="url",
    )


def m007_review_lang_index(db: sqlite_utils.Database) -> None:
    """Articles by language: lets the review queue's language filter stay in the index."""
    db["articles"].create_index(["lang"], if_not_exists=True)


def m008_url_aliases(db: sqlite_utils.Database) -> None:
    """Other canonical URLs that led to a stored article (a redirect, or a page whose own
    rel=canonical names another address), so a crawl does not fetch them again every night."""
    db["url_aliases"].create({"alias": str, "url": str, "seen_at": str}, pk="alias")


def m040_telegram_posts(db: sqlite_utils.Database) -> None:
    """Telegram channel posts beside their articles: channel, post id, links, forwarded-from."""
    db["posts"].create(
        {
            "url": str,
            "channel": str,
            "post_id": int,
            "forwarded_from": str,
            "forwarded_url": str,
            "photos": int,
            "edited": int,
            "links": str,
            "seen_at": str,
        },
        pk="url",
    )
    db["posts"].create_index(["channel", "post_id"])


def m041_cyber_kind(db: sqlite_utils.Database) -> None:
    """The kind of a cyberattack (ddos, hacking, attempted_hacking) beside the category."""
    for table in ("signals", "candidates", "incidents"):
        db[table].add_column("cyber_kind", str)


def m042_incident_merges(db: sqlite_utils.Database) -> None:
    """An incident merged into another keeps its row, marked ``merged_into`` (counted once)."""
    db["incidents"].add_column("merged_into", int)
    db["incidents"].create_index(["merged_into"])


def m043_redactions(db: sqlite_utils.Database) -> None:
    """People and passages hidden from the report, exports and the non-reviewers' Datasette."""
    db["redactions"].create(
        {
            "id": int,
            "kind": str,
            "text": str,
            "article_id": int,
            "start": int,
            "end": int,
            "reason": str,
            "created_by": str,
            "created_at": str,
            "removed_at": str,
            "removed_by": str,
        },
        pk="id",
        not_null={"kind", "text"},
    )


def m020_run_process(db: sqlite_utils.Database) -> None:
    """Which process runs a run (pid, host, the process's start time), so a run whose process is
    gone (killed, crashed) can be told from one still running and marked ``interrupted``."""
    db["runs"].add_column("pid", int)
    db["runs"].add_column("host", str)
    db["runs"].add_column("process_started", float)
    db["runs"].create_index(["status"], if_not_exists=True)


def _accounts_schema(accounts: sqlite_utils.Database) -> None:
    accounts["reviewers"].create(
        {
            "id": int,
            "name": str,
            "role": str,
            "password_hash": str,
            "disabled": int,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "role"},
        defaults={"disabled": 0},
        if_not_exists=True,
    )
    accounts["reviewers"].create_index(["name"], unique=True, if_not_exists=True)
    accounts["sessions"].create(
        {"token_hash": str, "reviewer_id": int, "created_at": str, "expires_at": str},
        pk="token_hash",
        not_null={"reviewer_id", "expires_at"},
        if_not_exists=True,
    )
    accounts["sessions"].create_index(["reviewer_id"], if_not_exists=True)


def _accounts_reference() -> sqlite_utils.Database:
    """An in-memory accounts database with every step of its schema applied."""
    reference = sqlite_utils.Database(memory=True)
    for step in ACCOUNTS_STEPS:
        step(reference)
    return reference


def accounts_columns() -> dict[str, set[str]]:
    """The tables and columns an accounts database has once its migrations ran."""
    return {t.name: set(t.columns_dict) for t in _accounts_reference().tables}


def accounts_behind(accounts: sqlite_utils.Database) -> list[str]:
    """What an accounts database lacks (``"sessions"``, ``"reviewers.disabled"``); [] if none."""
    missing = []
    for table, columns in accounts_columns().items():
        if not accounts[table].exists():
            missing.append(table)
            continue
        have = set(accounts[table].columns_dict)
        missing += [f"{table}.{c}" for c in sorted(columns - have)]
    return missing


def upgrade_accounts(db: sqlite_utils.Database) -> list[str]:
    """Bring the archive's accounts database up to its schema (``presswatch init``): missing
    tables are created and missing columns added; returns what was missing."""
    path = accounts_path(archive_file(db))
    if "m010_accounts_database" not in applied(db) or not path.exists():
        return []
    accounts = create_accounts(path)
    try:
        missing = accounts_behind(accounts)
        if missing:
            with write(accounts):
                _add_missing_columns(accounts)
                for step in ACCOUNTS_STEPS:
                    step(accounts)
        return missing
    finally:
        accounts.close()


def _add_missing_columns(accounts: sqlite_utils.Database) -> None:
    for table in _accounts_reference().tables:
        if accounts[table.name].exists():
            have = set(accounts[table.name].columns_dict)
            for name, kind in table.columns_dict.items():
                if name not in have:
                    accounts[table.name].add_column(name, kind)


def m010_accounts_database(db: sqlite_utils.Database) -> None:
    """Reviewers' password hashes (and, from now on, their sessions) move out of the archive
    into ``<archive>-accounts.db``, which Datasette never serves. Rows are copied keyed by name
    (a re-run after a crash copies nothing twice), then the archive's table is dropped."""
    accounts = create_accounts(accounts_path(archive_file(db)))
    try:
        with write(accounts):
            _accounts_schema(accounts)
            if db["reviewers"].exists():
                accounts["reviewers"].upsert_all(db["reviewers"].rows, pk="id")
    finally:
        accounts.close()
    if db["reviewers"].exists():
        db["reviewers"].drop()


def _accounts_reviewer_language(accounts: sqlite_utils.Database) -> None:
    """Accounts schema, step 2: the language each reviewer reads the review app in (``en``,
    ``ru``, ``kk``); empty until they choose one, when the browser's Accept-Language decides."""
    if "lang" not in accounts["reviewers"].columns_dict:
        accounts["reviewers"].add_column("lang", str)


# The accounts database's schema, step by step (each safe to run again); doctor and init compare
# with and bring databases up to all of them.
ACCOUNTS_STEPS = (_accounts_schema, _accounts_reviewer_language)


def m044_reviewer_language(db: sqlite_utils.Database) -> None:
    """The reviewer's language lives with the account, in the accounts database (not in the
    archive, which Datasette serves): adds ``reviewers.lang`` there."""
    accounts = create_accounts(accounts_path(archive_file(db)))
    try:
        with write(accounts):
            _accounts_reviewer_language(accounts)
    finally:
        accounts.close()


MIGRATIONS: list[Migration] = [
    m001_sources_pages_articles,
    m002_analysis,
    m003_candidates_incidents,
    m004_people_runs_reports,
    m005_review_indexes,
    m006_crawlers_feed_validators,
    m007_review_lang_index,
    m008_url_aliases,
    m040_telegram_posts,
    m041_cyber_kind,
    m042_incident_merges,
    m043_redactions,
    m020_run_process,
    m010_accounts_database,
    m044_reviewer_language,
]


def applied(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations already applied, in order."""
    if not db["_migrations"].exists():
        return []
    return [r["name"] for r in db.query("SELECT name FROM _migrations ORDER BY id")]


def pending(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> list[str]:
    known = set(applied(db))
    return [m.__name__ for m in (migrations or MIGRATIONS) if m.__name__ not in known]


def migrate(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> list[str]:
    """Apply every pending migration, each in its own transaction. Returns the names applied."""
    migrations = migrations if migrations is not None else MIGRATIONS
    names = {m.__name__ for m in migrations}
    unknown = [n for n in applied(db) if n not in names]
    if unknown:
        raise MigrationError(
            f"archive has migrations this version does not know ({', '.join(unknown)}): "
            "upgrade presswatch"
        )
    done = []
    for migration in migrations:
        with write(db):
            db["_migrations"].create(
                {"id": int, "name": str, "applied_at": str}, pk="id", if_not_exists=True
            )
            if migration.__name__ in applied(db):
                continue
            migration(db)
            db["_migrations"].insert({"name": migration.__name__, "applied_at": now()})
        done.append(migration.__name__)
    return done
