"""Fitting the heads: logistic regression per head, Platt calibration and thresholds from
cross-validated scores, all inside the training data handed in (so an outer fold never leaks).

``fit(X, Y, groups)`` returns :class:`nlp.detect.model.Heads`. ``X`` holds the raw input vectors
(:mod:`nlp.detect.vector`), standardised here as a whole; ``Y[:, 0]`` is "is an incident",
``Y[:, 1:]`` the leaves.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from nlp.detect.model import INCIDENT, Heads
from nlp.detect.taxonomy import LEAVES

C_INCIDENT, C_LEAF = 0.05, 1.0  # chosen on the folds (docs/detection.md)
INNER = 4
GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


def _fit_one(X: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Weights and bias of one head; a constant label gives a constant head."""
    if y.min() == y.max():
        return np.zeros(X.shape[1]), (8.0 if y[0] else -8.0)
    m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    m.fit(X, y)
    return m.coef_[0], float(m.intercept_[0])


def _oof_decisions(X: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    out = np.zeros(len(y))
    k = min(INNER, len(set(groups)))
    for tr, te in GroupKFold(k).split(X, groups=groups):
        w, b = _fit_one(X[tr], y[tr], c)
        out[te] = X[te] @ w + b
    return out


def _platt(decisions: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    if y.min() == y.max():
        return 1.0, 0.0
    m = LogisticRegression(C=100.0, max_iter=1000).fit(decisions[:, None], y)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def _threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability threshold with the best F1 on cross-validated probabilities, F1 smoothed
    over neighbouring thresholds (±0.05) so one lucky cut on a small set does not decide."""
    f1 = np.array(
        [
            2 * int(((p >= t) & (y == 1)).sum()) / max(int((p >= t).sum()) + int(y.sum()), 1)
            for t in GRID
        ]
    )
    smooth = np.convolve(f1, np.ones(5) / 5, mode="same")
    return float(GRID[int(np.argmax(smooth + 1e-9 * f1))])


def _pair_thresholds(p: np.ndarray, y: np.ndarray, ruled: np.ndarray) -> tuple[float, float]:
    """Incident thresholds for texts where the rules found a category and for the others, chosen
    together for the best overall F1 on cross-validated probabilities (smoothed like
    :func:`_threshold`, over a 5 × 5 neighbourhood)."""
    over = p[None, :] >= GRID[:, None]  # (thresholds, texts)
    a, b = over[:, ruled], over[:, ~ruled]
    tp = (a & (y[ruled] == 1)).sum(1)[:, None] + (b & (y[~ruled] == 1)).sum(1)[None, :]
    said = a.sum(1)[:, None] + b.sum(1)[None, :]
    f1 = 2 * tp / np.maximum(said + int(y.sum()), 1)
    pad = np.pad(f1, 2, mode="edge")
    smooth = sum(pad[i : i + len(GRID), j : j + len(GRID)] for i in range(5) for j in range(5)) / 25
    i, j = np.unravel_index(int(np.argmax(smooth + 1e-9 * f1)), f1.shape)
    return float(GRID[i]), float(GRID[j])


def standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return X.mean(0), X.std(0) + 1e-6


def fit(
    raw: np.ndarray, Y: np.ndarray, groups: np.ndarray, ruled: np.ndarray | None = None
) -> Heads:
    """Heads for raw input vectors ``raw`` and labels ``Y`` (incident + leaves). With ``ruled``
    (the texts where the rules found a category) the incident head gets one threshold for those
    texts and one for the rest."""
    mean, scale = standardiser(raw)
    X = (raw - mean) / scale
    rows = [_head(X, Y[:, j], groups, C_INCIDENT if j == 0 else C_LEAF) for j in range(Y.shape[1])]
    w, b, platt, th, probs = (np.array(v) for v in zip(*rows, strict=True))
    ruled_th = float(th[0])
    if ruled is not None and ruled.any() and (~ruled).any():
        ruled_th, th[0] = _pair_thresholds(probs[0], Y[:, 0].astype(int), ruled.astype(bool))
    return Heads(
        labels=[INCIDENT, *LEAVES],
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        weights=w.astype(np.float32),
        bias=b.astype(np.float32),
        platt=platt.astype(np.float32),
        thresholds=th.astype(np.float32),
        ruled_threshold=ruled_th,
        meta={"trained": dt.date.today().isoformat(), "examples": len(Y)},
    )


def _head(X: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float):
    y = y.astype(int)
    decisions = _oof_decisions(X, y, groups, c)
    a, b0 = _platt(decisions, y)
    probs = 1.0 / (1.0 + np.exp(-(a * decisions + b0)))
    w, b = _fit_one(X, y, c)
    return w, b, (a, b0), _threshold(probs, y), probs


def labels(categories: list[frozenset[str]]) -> np.ndarray:
    rows = [[bool(c)] + [leaf in c for leaf in LEAVES] for c in categories]
    return np.array(rows, dtype=int)
