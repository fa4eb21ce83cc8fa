"""Wrong: shuffles the columns in place, so later features are scored with earlier ones still
shuffled."""

import numpy as np


def permutation_importance(
    X: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    bias: float,
    metric: str,
    n_repeats: int,
    seed: int,
) -> np.ndarray:
    X = np.array(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(weights, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)

    def score() -> float:
        s = X @ w + bias
        if metric == "mse":
            return float(np.mean((y - s) ** 2))
        return float(np.mean((s > 0).astype(int) == y))

    base = score()
    out = np.zeros(d)
    for j in range(d):
        total = 0.0
        for _ in range(n_repeats):
            X[:, j] = X[rng.permutation(n), j]
            diff = score() - base
            total += diff if metric == "mse" else -diff
        out[j] = total / n_repeats
    return out
