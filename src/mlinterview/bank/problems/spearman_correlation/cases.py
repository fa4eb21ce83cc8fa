"""Random paired samples: monotone links with noise, many ties, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Integer grids give many ties; case 0 has 100 000 pairs and needs an O(n log n) ranking."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(2, 40))
        x = rng.normal(size=n)
        y = [np.exp(2 * x), -(x**3), rng.normal(size=n)][i % 3] + rng.normal(0.0, 0.5, size=n)
        if i % 2 == 0:  # coarse values: many ties on both sides
            x, y = np.round(x * 2), np.round(y)
        else:
            x, y = np.round(x, 3), np.round(y, 3)
        cases.append({"x": x.tolist(), "y": y.tolist()})
    return cases
