"""The tag and detect stages fanned out on a local Dask cluster give exactly the
single-process result."""

from __future__ import annotations

import os
import shutil

import pytest

from presswatch.newsroom.content import load_articles
from presswatch.newsroom.outlets import OUTLETS
from storage.archive import connect
from storage.articles import save_articles
from storage.migrations import migrate

pytestmark = [pytest.mark.slow, pytest.mark.server]

TABLES = {
    "mentions": "article_id, kind, text, norm, role, start, [end]",
    "legal_refs": "article_id, code, article, part, paragraph, start, [end]",
    "amounts": "article_id, value, unit, kzt, kind, start, [end]",
    "signals": "article_id, category, confidence, victims, perpetrator, legal_refs, amounts",
    "candidates": "key, category, victims, outlets",
}


def snapshot(path) -> dict[str, list[tuple]]:
    db = connect(path)
    return {
        t: sorted(db.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
        for t, cols in TABLES.items()
    }


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "base.db"
    db = connect(path)
    migrate(db)
    rows = []
    for art in load_articles()[:120]:
        rows.append(
            {
                "url": f"https://demo.test/{art.id}",
                "title": art.title,
                "text": art.text,
                "outlet": OUTLETS[art.outlet].name,
                "lang": art.lang,
                "published_at": art.published.isoformat(),
            }
        )
    save_articles(db, rows)
    db.close()
    return path


def test_dask_cluster_gives_the_single_process_result(archive, tmp_path, prefect_client_env):
    from prefect_dask import DaskTaskRunner

    from flows.nightly import nightly

    single, dask = tmp_path / "single.db", tmp_path / "dask.db"
    shutil.copy(archive, single)
    shutil.copy(archive, dask)
    sources = tmp_path / "none.yaml"
    sources.write_text("sources: []\n")
    nightly(sources_file=str(sources), db_path=str(single), skip_crawl=True)
    runner = DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True}
    )
    nightly.with_options(task_runner=runner)(
        sources_file=str(sources), db_path=str(dask), skip_crawl=True
    )
    a, b = snapshot(single), snapshot(dask)
    assert a["mentions"] and a["signals"] and a["candidates"]
    assert a == b
    assert os.path.exists(dask)
