"""Random inputs: 1 to 5 features, degrees 0 to 4, negative values; one larger case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shapes and degrees vary so the column order is checked; case 0 is 500 x 5 at degree 4."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d, degree = 500, 5, 4
        else:
            n, d, degree = int(rng.integers(1, 6)), int(rng.integers(1, 5)), int(rng.integers(0, 5))
        X = np.round(rng.uniform(-3.0, 3.0, size=(n, d)), 2)
        cases.append({"X": X, "degree": degree})
    return cases
