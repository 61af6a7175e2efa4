"""The tag and detect stages fanned out on Dask worker processes give exactly the
single-process result, and the workers only compute: the flow's process writes.

One run uses a cluster Prefect starts (``--dask N``); the others use a cluster started here and
reached by its scheduler address (``--dask tcp://…``), whose workers cannot open the archives.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from click.testing import CliRunner

from presswatch.cli import cli
from presswatch.commands.nightly import run_nightly
from presswatch.newsroom.content import load_articles
from presswatch.newsroom.outlets import OUTLETS
from storage.archive import connect
from storage.articles import save_articles
from storage.migrations import migrate

pytestmark = [pytest.mark.slow, pytest.mark.server]

TABLES = {
    "articles": "id, lang, tagged_at IS NOT NULL, tag_error, detected_at IS NOT NULL",
    "mentions": "article_id, kind, text, norm, role, entity_id, start, [end]",
    "legal_refs": "article_id, code, article, part, paragraph, start, [end]",
    "amounts": "article_id, value, unit, kzt, kind, start, [end]",
    "signals": "article_id, category, confidence, victims, perpetrator, legal_refs, amounts",
    "candidates": "key, category, victims, outlets",
    "failures": "stage, kind, reason, url",
}
REFUSED = "a Dask worker must not open the archive"


def snapshot(path) -> dict[str, list[tuple]]:
    db = connect(path)
    return {
        t: sorted(db.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
        for t, cols in TABLES.items()
    }


def make_archive(path, rows: list[dict]):
    db = connect(path)
    migrate(db)
    save_articles(db, rows)
    db.close()
    return path


def demo_rows(n: int) -> list[dict]:
    return [
        {
            "url": f"https://demo.test/{art.id}",
            "title": art.title,
            "text": art.text,
            "outlet": OUTLETS[art.outlet].name,
            "lang": art.lang,
            "published_at": art.published.isoformat(),
            "source": "demo",
        }
        for art in load_articles()[:n]
    ]


@pytest.fixture(scope="module")
def prefect_env(prefect_api):
    """The session's Prefect server for this module's runs (and the workers started here)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with pytest.MonkeyPatch.context() as mp:
        for key, value in prefect_api.items():
            mp.setenv(key, value)
        with temporary_settings(updates={PREFECT_API_URL: prefect_api["PREFECT_API_URL"]}):
            yield prefect_api


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nightly-dask")
    (tmp / "none.yaml").write_text("sources: []\n")
    return tmp


@pytest.fixture(scope="module")
def archive(work):
    return make_archive(work / "base.db", demo_rows(120))


@pytest.fixture(scope="module")
def serial(archive, work, prefect_env):
    """The archive after a single-process run (the flow's default thread pool)."""
    path = work / "single.db"
    shutil.copy(archive, path)
    run_nightly(path, work / "none.yaml", [], 60.0)
    return snapshot(path)


def refuse_archives(folder: str) -> None:
    """Run in each worker: opening any SQLite file under ``folder`` (the archives) raises."""
    import sqlite3

    real = sqlite3.connect

    def guarded(database, *args, **kwargs):
        if folder in str(database):
            raise PermissionError(REFUSED)
        return real(database, *args, **kwargs)

    sqlite3.connect = guarded


def try_open(path: str) -> str:
    try:
        connect(path)
    except Exception as exc:  # noqa: BLE001 - the error is the answer
        return str(exc)
    return "opened"


@pytest.fixture(scope="module")
def cluster(prefect_env, work):
    """Two worker processes that cannot open the archives, reached by their scheduler address."""
    import cloudpickle
    from distributed import Client, LocalCluster

    module = sys.modules[__name__]
    cloudpickle.register_pickle_by_value(module)  # the helpers below travel by value
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        Client(local) as client,
    ):
        client.run(refuse_archives, str(work))
        yield local.scheduler_address, client
    cloudpickle.unregister_pickle_by_value(module)


def test_dask_cluster_gives_the_single_process_result(archive, work, serial, prefect_env):
    from prefect_dask import DaskTaskRunner

    from flows.nightly import nightly

    dask = work / "dask.db"
    shutil.copy(archive, dask)
    runner = DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True}
    )
    nightly.with_options(task_runner=runner)(
        sources_file=str(work / "none.yaml"), db_path=str(dask), skip_crawl=True
    )
    assert serial["mentions"] and serial["signals"] and serial["candidates"]
    assert snapshot(dask) == serial


def test_remote_scheduler_workers_that_cannot_open_the_archive(archive, work, serial, cluster):
    address, client = cluster
    path = work / "remote.db"
    shutil.copy(archive, path)
    assert address.startswith("tcp://")
    assert set(client.run(try_open, str(path)).values()) == {REFUSED}
    args = ["--db", str(path), "nightly", "--sources", str(work / "none.yaml"), "--dask", address]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert snapshot(path) == serial
    status = connect(path).execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert status == "completed"


def break_articles() -> None:
    """Run in each worker: tagging raises on TAGFAIL, the detect stage on DETECTFAIL."""
    import nlp.detect.detection
    import nlp.tagging

    real_analyse, real_facts = nlp.tagging.Analyzer.analyse, nlp.detect.detection.from_rows

    def fragile(self, texts, *args, **kwargs):
        if any("TAGFAIL" in t for t in texts):
            raise RuntimeError("component exploded")
        return real_analyse(self, texts, *args, **kwargs)

    def picky(article, rows):  # only the detect stage reads stored rows
        if "DETECTFAIL" in article["text"]:
            raise ValueError("broken article")
        return real_facts(article, rows)

    nlp.tagging.Analyzer.analyse, nlp.detect.detection.from_rows = fragile, picky
    nlp.tagging.real_functions = (real_analyse, real_facts)


def mend_articles() -> None:
    import nlp.detect.detection
    import nlp.tagging

    nlp.tagging.Analyzer.analyse, nlp.detect.detection.from_rows = nlp.tagging.real_functions


def test_an_article_failing_on_a_worker_is_recorded_by_the_writer(work, cluster):
    address, client = cluster
    rows = demo_rows(3)
    rows[1]["text"] += " TAGFAIL"
    rows[2]["text"] += " DETECTFAIL"
    path = make_archive(work / "broken.db", rows)
    client.run(break_articles)
    try:
        run_nightly(path, work / "none.yaml", [], 60.0, address)
        first = snapshot(path)
        run_nightly(path, work / "none.yaml", [], 60.0, address)
    finally:
        client.run(mend_articles)
    assert sorted(first["failures"]) == [
        ("detect", "ValueError", "ValueError: broken article", rows[2]["url"]),
        ("tag", "RuntimeError", "RuntimeError: component exploded", rows[1]["url"]),
    ]
    assert article_states(path) == {
        rows[0]["url"]: (1, None, 1),
        rows[1]["url"]: (0, "RuntimeError: component exploded", 0),
        rows[2]["url"]: (1, None, 1),
    }
    assert snapshot(path) == first  # the re-run retries neither and writes the same rows


def article_states(path) -> dict[str, tuple]:
    sql = "SELECT url, tagged_at IS NOT NULL, tag_error, detected_at IS NOT NULL FROM articles"
    return {r[0]: tuple(r[1:]) for r in connect(path).execute(sql)}
