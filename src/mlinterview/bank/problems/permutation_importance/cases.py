"""Random permutation-importance cases for both metrics, with informative and useless features."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Both metrics, zero-weight features and repeats pin down the exact permutation draw order."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = int(rng.integers(2, 60))
        d = int(rng.integers(1, 6))
        X = rng.normal(size=(n, d)).round(4)
        w = rng.normal(size=d).round(3)
        w[rng.random(d) < 0.3] = 0.0
        bias = float(np.round(rng.normal(), 3))
        s = X @ w + bias
        if i % 2 == 0:
            metric = "mse"
            y = (s + rng.normal(scale=0.5, size=n)).round(4).tolist()
        else:
            metric = "accuracy"
            flip = rng.random(n) < 0.15
            y = np.where(flip, s <= 0, s > 0).astype(int).tolist()
        cases.append(
            {
                "X": X.tolist(),
                "y": y,
                "weights": w.tolist(),
                "bias": bias,
                "metric": metric,
                "n_repeats": int(rng.integers(1, 6)),
                "seed": int(rng.integers(0, 2**31)),
            }
        )
    return cases
