"""The trained heads: loading, named errors, decisions, the encoder cache, bounded bad input."""

from __future__ import annotations

import numpy as np
import pytest

from nlp.detect import model, vector
from nlp.detect.encoder import Encoder
from nlp.detect.taxonomy import LEAVES
from storage.errors import ModelError


def test_committed_model_loads():
    heads = model.load()
    assert heads.labels == [model.INCIDENT, *LEAVES]
    assert heads.weights.shape == (len(LEAVES) + 1, vector.width())
    assert heads.meta["features"] == vector.sizes()
    assert np.all((heads.thresholds > 0) & (heads.thresholds < 1))
    assert heads.meta["examples"] > 100 and "cv" in heads.meta


def test_missing_model_says_how_to_rebuild(tmp_path):
    with pytest.raises(ModelError, match="presswatch train --corpus"):
        model.load(tmp_path)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "shape", "width"])
def test_corrupt_model_is_a_named_error(tmp_path, damage):
    out = model.save(model.load(), tmp_path)
    npz = out / "detector.npz"
    if damage == "truncate":
        npz.write_bytes(npz.read_bytes()[:200])
    elif damage == "garbage":
        (out / "detector.json").write_text("{not json", encoding="utf-8")
    elif damage == "shape":
        heads = model.load(out)
        heads.bias = heads.bias[:3]
        model.save(heads, out)
    else:  # trained on another feature layout (a concept added without retraining)
        heads = model.load(out)
        heads.weights, heads.mean, heads.scale = (
            heads.weights[:, :-3],
            heads.mean[:-3],
            heads.scale[:-3],
        )
        model.save(heads, out)
    with pytest.raises(ModelError, match="presswatch train"):
        model.load(out)


def _heads(thresholds: list[float]) -> model.Heads:
    n = len(thresholds)
    return model.Heads(
        labels=[model.INCIDENT, *LEAVES[: n - 1]],
        mean=np.zeros(3),
        scale=np.ones(3),
        weights=np.zeros((n, 3)),
        bias=np.zeros(n),
        platt=np.tile([1.0, 0.0], (n, 1)),
        thresholds=np.array(thresholds),
    )


def test_decide_no_incident_below_threshold():
    heads = _heads([0.5, 0.5, 0.5])
    assert model.decide(heads, np.array([0.4, 0.9, 0.9]), [LEAVES[0]]) == []


def test_decide_rules_first_joined_by_sure_leaves():
    heads = _heads([0.5, 0.2, 0.2, 0.2])
    probs = np.array([0.9, 0.5, 0.3, 0.1])  # leaf 0 is 2.5x its threshold, leaf 1 only 1.5x
    assert model.decide(heads, probs, [LEAVES[2]]) == [LEAVES[2], LEAVES[0]]
    assert model.decide(heads, probs, []) == [LEAVES[0], LEAVES[1]]


def test_decide_takes_the_best_leaf_when_none_passes():
    heads = _heads([0.5, 0.6, 0.6])
    assert model.decide(heads, np.array([0.9, 0.2, 0.3]), []) == [LEAVES[1]]


def test_rule_hits_get_their_own_incident_threshold(tmp_path):
    heads = _heads([0.6, 0.5])
    heads.ruled_threshold = 0.3
    probs = np.array([0.4, 0.9])
    assert model.decide(heads, probs, [LEAVES[0]]) == [LEAVES[0]]
    assert model.decide(heads, probs, []) == []
    again = model.Heads(
        **{**heads.__dict__, "ruled_threshold": np.nan}
    )  # trained without the split
    assert model.decide(again, probs, [LEAVES[0]]) == []


def test_pair_thresholds_fit_each_side():
    from nlp.detect.training import _pair_thresholds

    # ruled texts: incidents from 0.3 up; the others: incidents only from 0.8 up
    p = np.array([0.30, 0.40, 0.35, 0.10, 0.90, 0.85, 0.60, 0.50, 0.20])
    y = np.array([1, 1, 1, 0, 1, 1, 0, 0, 0])
    ruled = np.array([True, True, True, True, False, False, False, False, False])
    with_rules, without = _pair_thresholds(p, y, ruled)
    assert 0.1 < with_rules <= 0.3 and 0.6 < without <= 0.85


def test_encoder_cache_skips_the_engine(tmp_path):
    enc = Encoder(cache=tmp_path / "emb.sqlite")
    first = enc.encode(["Редакция газеты «Вымышленный вестник» сообщила о штрафе."])
    spent = enc.encoded_chars
    second = Encoder(cache=tmp_path / "emb.sqlite")
    again = second.encode(["Редакция газеты «Вымышленный вестник» сообщила о штрафе."])
    assert spent > 0 and second.encoded_chars == 0 and np.allclose(first, again)
    assert abs(float(np.linalg.norm(first[0])) - 1.0) < 1e-3


def test_sure_leaves_must_also_be_likely():
    heads = _heads([0.5, 0.1, 0.2])
    probs = np.array([0.9, 0.45, 0.3])  # leaf 0: 4.5x its threshold but under 0.5; leaf 1: 1.5x
    assert model.decide(heads, probs, [LEAVES[1]]) == [LEAVES[1]]


def test_detect_with_the_model_gives_evidence_and_bounded_confidence():
    from nlp.detect.classifier import default
    from nlp.detect.detection import detect
    from nlp.detect.facts import from_analysis
    from nlp.pipeline import analyse

    text = "Неизвестные избили корреспондента газеты «Вымышленный луч» у подъезда редакции."
    [analysis] = analyse([text])
    signals = detect(from_analysis(analysis, analysis.text), detector=default())
    assert "rights.attack" in [s["category"] for s in signals]
    for s in signals:
        assert 0.5 <= s["confidence"] <= 1.0 and s["evidence"]
        assert s["evidence"][0]["sentence"] in text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02" * 1000,
        "😀🎉🔥" * 300,
        "Lorem ipsum dolor sit amet. " * 40,
        "中文新闻报道" * 100,
    ],
)
def test_bad_input_gives_no_categories(text):
    from nlp.pipeline import analyse

    [analysis] = analyse([text])
    assert analysis.categories == [] and analysis.journalists == []
