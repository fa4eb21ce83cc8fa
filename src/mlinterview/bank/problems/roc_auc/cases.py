"""Random labelled scores with many ties, plus one sample of 100 000 points."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Coarse scores make ties common; one large sample rules out an all-pairs loop."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(2, 40))
        y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
        if y.min() == y.max():
            y[int(rng.integers(0, n))] = 1 - y[0]
        decimals = [0, 1, 2, 3][i % 4] if i else 3
        scores = np.round(rng.normal(0.0, 1.0, size=n) + 0.8 * y, decimals)
        cases.append({"y_true": y.tolist(), "scores": scores.tolist()})
    return cases
