"""Random boosting runs: duplicate x values, several rates and rounds, one larger case."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Integer grids with repeats, smooth and noisy targets; case 0 has 1000 points, 30 rounds."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            n, n_rounds = 1000, 30
            x = np.round(rng.uniform(-5.0, 5.0, size=n), 2)
        else:
            n, n_rounds = int(rng.integers(1, 30)), int(rng.integers(0, 12))
            x = rng.integers(-4, 5, size=n).astype(float) / [1.0, 2.0][i % 2]
        y = np.round(3.0 * np.sin(x) + 10.0 + rng.normal(0.0, 1.0, size=n), 3)
        learning_rate = float([0.1, 0.5, 1.0, 0.3][i % 4])
        cases.append({"x": x, "y": y, "n_rounds": n_rounds, "learning_rate": learning_rate})
    return cases
