"""Random view pairs: the second view is a noisy copy of the first, on varied scales."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """N up to 64 and D up to 32, rows of norm 0.1-50, noise 0.1-2, temperature 0.05-1."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, d = (64, 32) if i == 0 else (int(rng.integers(1, 7)), int(rng.integers(2, 6)))
        base = rng.normal(size=(n, d))
        z1 = base + rng.normal(0.0, [0.1, 0.5, 2.0][i % 3], size=(n, d))
        z2 = base + rng.normal(0.0, [0.1, 0.5, 2.0][i % 3], size=(n, d))
        z1 *= rng.choice([0.1, 1.0, 50.0], size=(n, 1))
        z2 *= rng.choice([0.1, 1.0, 50.0], size=(n, 1))
        cases.append(
            {
                "z1": np.round(z1, 4),
                "z2": np.round(z2, 4),
                "temperature": [0.5, 0.1, 1.0, 0.05][i % 4],
            }
        )
    return cases
