"""Random splits: integer grids (duplicate values, ties), constant features, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Duplicate x values and tied impurities are common; case 0 (20 000 points) needs a sweep."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        x: np.ndarray
        if i == 0:
            n = 20_000
            y = rng.integers(0, 3, size=n)
            x = np.round(rng.normal(0.0, 1.0, size=n) + 0.7 * y, 4)
        elif i % 6 == 5:
            n = int(rng.integers(2, 12))
            x = np.full(n, float(rng.integers(-5, 6)))
            y = rng.integers(0, 3, size=n)
        else:
            n = int(rng.integers(2, 40))
            x = rng.integers(-4, 5, size=n).astype(float) / [1.0, 2.0, 4.0][i % 3]
            labels = rng.choice([-1, 0, 2, 7], size=int(rng.integers(2, 5)), replace=False)
            y = rng.choice(labels, size=n)
        cases.append({"x": x.tolist(), "y": y.tolist()})
    return cases
