"""Random ridge problems: wide and tall shapes, alphas over 7 orders, offsets, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shapes with d > n, alphas from 1e-3 to 1e4, feature means up to 1e5; case 0 is 2000 x 50."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d = 2000, 50
        else:
            n, d = int(rng.integers(1, 30)), int(rng.integers(1, 8))
        offset = rng.normal(0.0, [1.0, 10.0, 100.0, 1e5][i % 4], size=d)
        X = np.round(offset + rng.normal(0.0, 2.0, size=(n, d)), 4)
        w = rng.normal(0.0, 2.0, size=d)
        y = np.round(X @ w + rng.normal(3.0, 5.0) + rng.normal(0.0, 1.0, size=n), 4)
        alpha = float([1e-3, 0.1, 1.0, 10.0, 1e4][i % 5])
        cases.append({"X": X, "y": y, "alpha": alpha})
    return cases
