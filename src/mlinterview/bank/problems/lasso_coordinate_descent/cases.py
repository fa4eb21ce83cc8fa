"""Random lasso problems: correlated columns of mixed scale, alphas from 0 to all-zero."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Mixed column scales, correlated features, sparse truths; case 0 is 2000 x 50, 100 sweeps."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d, n_iter = 2000, 50, 100
        else:
            n = int(rng.integers(2, 40))
            d = int(rng.integers(1, 9))
            n_iter = int(rng.integers(1, 30))
        base = rng.normal(size=(n, 1))
        X = rng.normal(size=(n, d)) + [0.0, 0.8][i % 2] * base
        X = np.round(X * rng.uniform(0.2, 5.0, size=d), 4)
        X[:, np.abs(X).sum(axis=0) == 0] = 1.0  # never an all-zero column
        w_true = rng.normal(0.0, 2.0, size=d) * (rng.random(d) < 0.6)
        y = np.round(X @ w_true + rng.normal(0.0, 0.5, size=n), 4)
        scale = float(np.max(np.abs(X.T @ y)) / n)
        alpha = round(scale * [0.0, 0.01, 0.1, 0.5, 1.1][i % 5], 6)
        cases.append({"X": X, "y": y, "alpha": alpha, "n_iter": n_iter})
    return cases
