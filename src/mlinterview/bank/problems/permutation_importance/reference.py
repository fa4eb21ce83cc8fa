"""Reference: one fresh copy per (feature, repeat), permutations drawn feature by feature."""

import numpy as np


def _score(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, metric: str) -> float:
    s = X @ w + b
    if metric == "mse":
        return float(np.mean((y - s) ** 2))
    return float(np.mean((s > 0).astype(int) == y))


def permutation_importance(
    X: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    bias: float,
    metric: str,
    n_repeats: int,
    seed: int,
) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(weights, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)
    base = _score(X, y, w, bias, metric)
    out = np.zeros(d)
    for j in range(d):
        drops = []
        for _ in range(n_repeats):
            Xp = X.copy()
            Xp[:, j] = X[rng.permutation(n), j]
            permuted = _score(Xp, y, w, bias, metric)
            # Both importances grow when shuffling hurts: loss goes up, accuracy goes down.
            drops.append(permuted - base if metric == "mse" else base - permuted)
        out[j] = np.mean(drops)
    return out
