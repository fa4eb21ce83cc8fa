"""Random DBSCAN inputs on integer grids, where distances of exactly eps are common."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Sparse and dense integer grids, eps on grid distances, min_samples 1..6; case 0 has 1500."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d = 1500, 2
        else:
            n, d = int(rng.integers(1, 50)), int(rng.integers(1, 4))
        side = int(np.ceil((n / rng.uniform(0.1, 0.6)) ** (1.0 / d)))  # points per cell 0.1-0.6
        X = rng.integers(0, side, size=(n, d)).astype(float)
        eps = float(rng.choice([1.0, 1.5, 2.0, np.sqrt(2.0), 3.0]))
        min_samples = int(rng.integers(1, 7))
        cases.append({"X": X, "eps": eps, "min_samples": min_samples})
    return cases
