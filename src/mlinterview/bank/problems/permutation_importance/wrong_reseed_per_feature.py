"""Wrong: creates a new generator from the seed for every feature, so all features reuse the
same permutations."""

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

    def score(M: np.ndarray) -> float:
        s = M @ w + bias
        if metric == "mse":
            return float(np.mean((y - s) ** 2))
        return float(np.mean((s > 0).astype(int) == y))

    base = score(X)
    out = np.zeros(d)
    for j in range(d):
        rng = np.random.default_rng(seed)
        drops = []
        for _ in range(n_repeats):
            Xp = X.copy()
            Xp[:, j] = X[rng.permutation(n), j]
            diff = score(Xp) - base
            drops.append(diff if metric == "mse" else -diff)
        out[j] = np.mean(drops)
    return out
