"""No fixture or test-data text of the project is one of the hidden evaluation texts.

Runs the shared corpus's ``decontaminate.py check`` (``../shared/corpus/``, or
``$PRESSWATCH_CORPUS_DIR``) over every fixture and test-data text file and fails listing the hits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".yaml", ".yml", ".json", ".jsonl", ".txt", ".md", ".html", ".htm", ".xml", ".csv"}
DATA_TREES = [
    "tests/data",
    "tests/golden",
    "presswatch/newsroom",
    "presswatch/demo_data",
    "nlp/data",
]
PY_FIXTURES = ["presswatch/demo_data/*.py", "presswatch/newsroom/*.py", "tests/*.py"]


def checker() -> Path:
    corpus = os.environ.get("PRESSWATCH_CORPUS_DIR")
    base = Path(corpus) if corpus else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return base / "decontaminate.py"


def fixture_files() -> list[Path]:
    """Data files under the fixture trees, and the Python modules that hold fixture texts."""
    found = {
        p for tree in DATA_TREES for p in (REPO / tree).rglob("*") if p.suffix in TEXT_SUFFIXES
    }
    found |= {p for pattern in PY_FIXTURES for p in REPO.glob(pattern)}
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def test_the_file_list_covers_the_fixture_trees():
    names = {p.relative_to(REPO).as_posix() for p in fixture_files()}
    assert "tests/data/nlp_eval/ru.jsonl" in names
    assert "presswatch/newsroom/content/articles_incidents.yaml" in names
    assert "presswatch/demo_data/archive.py" in names and "nlp/data/cues.yaml" in names


def test_no_fixture_is_an_evaluation_text():
    script = checker()
    if not script.is_file():
        pytest.skip(f"decontamination checker not found at {script} (set PRESSWATCH_CORPUS_DIR)")
    files = [str(p.relative_to(REPO)) for p in fixture_files()]
    done = subprocess.run(
        [sys.executable, str(script), "check", *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), f"checker failed:\n{done.stderr[-3000:]}"
    hits = [line for line in done.stdout.splitlines() if ": " in line]
    assert done.returncode == 0, "evaluation texts in fixtures:\n" + "\n".join(hits)
