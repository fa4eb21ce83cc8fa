"""Random SVM states: small-integer data where margins of exactly 1 are common, one large case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Integer grids put points on the margin; float cases mix violators; case 0 has 50 000 rows."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, d = 50_000, 20
            X = np.round(rng.normal(size=(n, d)), 4)
            w = np.round(rng.normal(0.0, 0.3, size=d), 4)
            b = 0.25
        elif i % 2 == 1:
            n, d = int(rng.integers(1, 25)), int(rng.integers(1, 4))
            X = rng.integers(-2, 3, size=(n, d)).astype(float)
            w = rng.integers(-1, 2, size=d).astype(float)
            b = float(rng.integers(-1, 2))
        else:
            n, d = int(rng.integers(1, 25)), int(rng.integers(1, 6))
            X = np.round(rng.normal(0.0, 2.0, size=(n, d)), 3)
            w = np.round(rng.normal(size=d), 3)
            b = round(float(rng.normal()), 3)
        y = rng.choice([-1, 1], size=n)
        C = float([1.0, 0.1, 10.0, 2.5][i % 4])
        cases.append({"w": w, "b": b, "X": X, "y": y, "C": C})
    return cases
