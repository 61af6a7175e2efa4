"""The trained heads: one calibrated logistic head for "is an incident" and one per leaf.

A head reads the standardised input vector of :mod:`nlp.detect.vector` (pooled passage embeddings,
rule features, concepts, prototype similarities); its decision value goes through a Platt calibration fitted on
cross-validated scores, and a threshold chosen on cross-validation (never on a test fold).
:func:`decide` turns probabilities into categories: no incident below the first head's threshold
(one for texts where the rules found a category, one for the others: :func:`incident_threshold`);
otherwise the leaves above their thresholds (the best one when none is), except that categories
the rules found themselves come first when there are any (``rules_first``: the rules are precise
where they fire), joined only by leaves the heads are sure of (twice their threshold and more likely than not); chosen on
the folds, docs/detection.md.

Saved as ``detector.npz`` (arrays) and ``detector.json`` (labels, thresholds, scores, date).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlp.detect import vector
from storage.errors import ModelError

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
INCIDENT = "incident"
UNION_MARGIN = 2.0  # chosen on the folds (docs/detection.md)
REBUILD = "rebuild it with `presswatch train --corpus PATH` (docs/detection.md)"


@dataclass
class Heads:
    labels: list[str]  # INCIDENT, then the leaves
    mean: np.ndarray  # standardiser of the whole input vector
    scale: np.ndarray
    weights: np.ndarray  # (heads, features)
    bias: np.ndarray  # (heads,)
    platt: np.ndarray  # (heads, 2): p = sigmoid(a * decision + b)
    thresholds: np.ndarray  # (heads,); [0] is the incident threshold when the rules found nothing
    ruled_threshold: np.ndarray | float = np.nan  # incident threshold when they found a category
    rules_first: bool = True
    union_margin: float = UNION_MARGIN  # beside rule categories, leaves this far over threshold
    meta: dict = field(default_factory=dict)

    def inputs(self, raw: np.ndarray) -> np.ndarray:
        """Standardised inputs for raw vectors ``(..., features)``."""
        return (raw - self.mean) / self.scale

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, ``(n, heads)`` for ``(n, features)`` inputs."""
        decision = x @ self.weights.T + self.bias
        return 1.0 / (1.0 + np.exp(-(self.platt[:, 0] * decision + self.platt[:, 1])))


def decide(heads: Heads, probs: np.ndarray, rule_categories: list[str]) -> list[str]:
    """Categories of one text from its head probabilities and the rules' own categories."""
    if probs[0] < incident_threshold(heads, bool(rule_categories)):
        return []
    leaf_probs = probs[1:]
    rel = leaf_probs / heads.thresholds[1:]
    order = [int(i) for i in np.argsort(-rel)]
    leaves = heads.labels[1:]
    if heads.rules_first and rule_categories:
        sure = [leaves[i] for i in order if rel[i] >= heads.union_margin and leaf_probs[i] >= 0.5]
        return list(dict.fromkeys([*rule_categories, *sure]))
    return [leaves[i] for i in order if rel[i] >= 1.0] or [leaves[order[0]]]


def incident_threshold(heads: Heads, ruled: bool) -> float:
    """The incident threshold for a text where the rules found a category (``ruled``) or not;
    heads trained without the split have one threshold for both."""
    split = float(heads.ruled_threshold)
    return split if ruled and np.isfinite(split) else float(heads.thresholds[0])


def save(heads: Heads, out_dir: Path = DEFAULT_DIR) -> Path:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = ("mean", "scale", "weights", "bias", "platt", "thresholds", "ruled_threshold")
    arrays: dict[str, Any] = {k: np.asarray(getattr(heads, k)) for k in names}
    np.savez_compressed(out_dir / "detector.npz", **arrays)
    meta = {"labels": heads.labels, "rules_first": heads.rules_first, **heads.meta}
    (out_dir / "detector.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return out_dir


def load(model_dir: Path = DEFAULT_DIR) -> Heads:
    """The saved heads; :class:`ModelError` (with how to rebuild) when missing or corrupt."""
    model_dir = Path(model_dir)
    try:
        meta = json.loads((model_dir / "detector.json").read_text(encoding="utf-8"))
        with np.load(model_dir / "detector.npz") as z:
            arrays = {k: z[k] for k in z.files}
        heads = Heads(
            labels=list(meta.pop("labels")),
            rules_first=bool(meta.pop("rules_first", True)),
            meta=meta,
            **arrays,
        )
    except FileNotFoundError as exc:
        raise ModelError(f"no trained detector in {model_dir}: {REBUILD}") from exc
    except (ValueError, KeyError, TypeError, OSError, zipfile.BadZipFile) as exc:
        raise ModelError(f"the detector in {model_dir} is unreadable ({exc}): {REBUILD}") from exc
    _check(heads, model_dir)
    return heads


def _check(heads: Heads, where: Path) -> None:
    n, d = heads.weights.shape
    shapes_ok = (
        len(heads.labels) == n == len(heads.bias) == len(heads.thresholds) == len(heads.platt)
        and heads.mean.shape == heads.scale.shape
        and heads.labels[:1] == [INCIDENT]
        and heads.mean.shape == (d,)
    )
    if not shapes_ok or not np.all(np.isfinite(heads.weights)):
        raise ModelError(f"the detector in {where} is inconsistent: {REBUILD}")
    if d != vector.width():
        raise ModelError(
            f"the detector in {where} reads {d} features but this version builds "
            f"{vector.width()} (the feature files changed since it was trained): {REBUILD}"
        )
