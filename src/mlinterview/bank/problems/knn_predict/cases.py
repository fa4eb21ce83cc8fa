"""Random kNN cases; integer grids make distance and vote ties common, one case is large."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Integer grids full of ties, float data, k above n; 3,000 x 300 points check vectorisation."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, m, d, k = 3000, 300, 4, 7
            X_train = rng.normal(size=(n, d)).round(3)
            X_query = rng.normal(size=(m, d)).round(3)
            y_train = rng.integers(0, 5, size=n)
        elif i % 2 == 1:
            n, m, d = int(rng.integers(1, 30)), int(rng.integers(1, 10)), int(rng.integers(1, 3))
            X_train = rng.integers(-3, 4, size=(n, d)).astype(float)
            X_query = rng.integers(-3, 4, size=(m, d)).astype(float)
            y_train = rng.integers(0, 3, size=n)
            k = int(rng.integers(1, n + 3))
        else:
            n, m, d = int(rng.integers(5, 80)), int(rng.integers(1, 20)), int(rng.integers(1, 6))
            X_train = rng.normal(size=(n, d))
            X_query = rng.normal(size=(m, d))
            y_train = rng.integers(-2, 4, size=n)
            k = int(rng.integers(1, 10))
        cases.append(
            {
                "X_train": X_train.tolist(),
                "y_train": y_train.tolist(),
                "X_query": X_query.tolist(),
                "k": k,
            }
        )
    return cases
