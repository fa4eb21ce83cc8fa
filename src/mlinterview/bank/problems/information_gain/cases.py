"""Random splits: integer grids where x often equals the threshold, many classes, one large."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Thresholds on data values and outside the range, up to 6 classes; case 0 is 100 000 long."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 100_000 if i == 0 else int(rng.integers(1, 40))
        k = int(rng.integers(2, 7))
        labels = rng.choice(np.arange(-3, 20), size=k, replace=False)
        y = rng.choice(labels, size=n)
        x = rng.integers(-5, 6, size=n).astype(float) + 0.3 * (y == labels[0])
        on_grid, anywhere = float(rng.integers(-5, 6)), float(rng.uniform(-6.0, 6.0))
        threshold = [on_grid, anywhere][i % 2]
        if i % 8 == 7:
            threshold = -9.0  # left child empty
        cases.append({"x": x, "y": y, "threshold": threshold})
    return cases
