"""The detector's input blocks: concept stems, prototype similarities, the vector layout."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.detect import concepts, prototypes, vector
from nlp.detect.encoder import DIM, Encoder
from nlp.detect.taxonomy import LEAVES
from storage.errors import ConfigError


def _concept(name: str, row: np.ndarray) -> np.ndarray:
    i = list(concepts.patterns()).index(name)
    return row[3 * i : 3 * i + 3]


def test_concepts_count_sentences_with_and_without_media():
    text = "Журналиста оштрафовали.\nСуд назначил штраф соседу. Погода хорошая."
    row = concepts.concept_features(text)
    assert row.shape == (concepts.size(),)
    sentences, with_media, headline = _concept("fine", row)
    assert sentences == pytest.approx(2 / 3) and with_media == pytest.approx(1 / 3)
    assert headline == 1.0
    assert not _concept("cyber", row).any()


def test_concepts_read_a_bounded_prefix():
    text = "Погода. " * 5000 + "Сайт заблокирован."
    assert not _concept("block", concepts.concept_features(text)).any()


@pytest.mark.parametrize("body", ["[1, 2", "fine: ['(']", "fine: [штраф]"])
def test_broken_concept_file_is_a_config_error(tmp_path, body):
    path = tmp_path / "concepts.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match="concept"):
        concepts.patterns(str(path))


def test_every_leaf_needs_a_prototype(tmp_path):
    path = tmp_path / "prototypes.yaml"
    path.write_text("rights.attack: [Someone hit a reporter.]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rights.obstruction"):
        prototypes.sentences(str(path))


def test_prototype_similarity_picks_the_leaf_told(tmp_path):
    enc = Encoder(cache=tmp_path / "emb.sqlite")
    protos = prototypes.Prototypes(enc)
    told = enc.encode(["Сайт газеты «Вымышленный луч» заблокирован, читатели заходят через VPN."])
    sims = protos.similarities(told)
    assert sims.shape == (len(LEAVES),)
    assert LEAVES[int(np.argmax(sims))] == "access.blocking"
    assert (protos.similarities(np.zeros((0, DIM))) == 0).all()


def test_layout_covers_the_vector():
    where = vector.layout()
    assert list(where) == list(vector.BLOCKS)
    assert where["prototypes"].stop == vector.width()
    x = vector.build(
        np.ones((2, DIM)),
        np.zeros(where["rules"].stop - where["rules"].start),
        np.zeros(concepts.size()),
        np.zeros(prototypes.SIZE),
    )
    assert x.shape == (vector.width(),) and x[:DIM].sum() == DIM
    assert len(vector.columns(("embedding", "prototypes"))) == DIM + prototypes.SIZE
