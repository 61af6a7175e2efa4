"""Quality floors of the trained detector on real, hand-labelled texts (docs/BENCHMARKS.md).

Cross-validated on ``../shared/corpus/dev.jsonl`` (5 folds grouped by source host, thresholds and
calibration chosen inside each training fold), scored by the corpus' own ``score.py``. The corpus
is not the project's: it is read from its folder (``PRESSWATCH_CORPUS`` to point elsewhere).
Embeddings are cached by text hash, so a second run costs seconds.
"""

from __future__ import annotations

import pytest

from nlp.detect import corpus, crossval, gate
from nlp.detect.classifier import cache_path
from nlp.detect.encoder import Encoder
from presswatch.commands.train import default_corpus

pytestmark = pytest.mark.slow

# Floors a few points under the figures of docs/BENCHMARKS.md (the goals of the issue are higher:
# detect 0.93, category 0.80 folded; the model card says where the gap is).
FLOORS = {"detect": 0.90, "category_coarse": 0.75, "category": 0.73}
LANGUAGE_DETECT_FLOOR = 0.88


@pytest.fixture(scope="module")
def corpus_path():
    path = default_corpus()
    if not path.exists():
        pytest.skip(f"no labelled corpus at {path} (set PRESSWATCH_CORPUS)")
    return path


@pytest.fixture(scope="module")
def matrices(corpus_path):
    return crossval.featurise(corpus.read(corpus_path), Encoder(cache=cache_path()))


@pytest.fixture(scope="module")
def chosen(corpus_path, matrices):
    return crossval.cross_validate(corpus_path, matrices, [crossval.CHOSEN])[crossval.CHOSEN]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_cross_validated_floor(chosen, field):
    assert chosen["overall"][field]["f"] >= FLOORS[field], chosen["overall"][field]


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_every_language_detects(chosen, lang):
    assert chosen["per_language"][lang]["detect"]["f"] >= LANGUAGE_DETECT_FLOOR


def test_beats_the_rules_on_the_same_folds(corpus_path, matrices, chosen):
    rules = crossval.cross_validate(corpus_path, matrices, ["rules"])["rules"]["overall"]
    mine = chosen["overall"]
    # The rules alone have grown strong on categories (folded 0.771 against the heads' 0.785 in
    # docs/BENCHMARKS.md); the learned detector must still find clearly more incidents and
    # must not lose categories against them.
    assert mine["detect"]["f"] > rules["detect"]["f"] + 0.03
    assert mine["category_coarse"]["f"] > rules["category_coarse"]["f"]
    assert mine["category"]["f"] > rules["category"]["f"]


def test_gate_passes_nearly_every_incident(matrices):
    incidents = [i for i, e in enumerate(matrices.examples) if e.categories]
    shut = sum(bool(matrices.shut[i]) for i in incidents)
    assert 1 - shut / len(incidents) >= gate.RECALL_FLOOR
