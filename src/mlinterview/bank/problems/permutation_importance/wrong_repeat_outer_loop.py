"""Wrong: loops over repeats outside and features inside, so each feature gets other permutations
than the specified draw order assigns to it."""

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
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(weights, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)

    def score(M: np.ndarray) -> float:
        s = M @ w + bias
        if metric == "mse":
            return float(np.mean((y - s) ** 2))
        return float(np.mean((s > 0).astype(int) == y))

    base = score(X)
    totals = np.zeros(d)
    for _ in range(n_repeats):
        for j in range(d):
            Xp = X.copy()
            Xp[:, j] = X[rng.permutation(n), j]
            diff = score(Xp) - base
            totals[j] += diff if metric == "mse" else -diff
    return totals / n_repeats
