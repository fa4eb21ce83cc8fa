"""Random full-batch regressions: widths 1-4, learning rates that converge, momentum 0-0.9."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Case 0: 200 samples, 10 features, 60 steps with momentum 0.9; the others are small."""
    x0 = rng.normal(size=(200, 10))
    y0 = x0 @ rng.normal(size=10) + 1.5 + rng.normal(0.0, 0.1, size=200)
    cases: list[dict[str, object]] = [
        {"x": np.round(x0, 4), "y": np.round(y0, 4), "steps": 60, "lr": 0.05, "momentum": 0.9}
    ]
    while len(cases) < count:
        n, d = int(rng.integers(2, 13)), int(rng.integers(1, 5))
        x = rng.normal(size=(n, d))
        y = x @ rng.normal(size=d) + rng.normal() + rng.normal(0.0, 0.3, size=n)
        cases.append(
            {
                "x": np.round(x, 3),
                "y": np.round(y, 3),
                "steps": int(rng.integers(1, 13)),
                "lr": float(rng.choice([0.01, 0.05, 0.1])),
                "momentum": float(rng.choice([0.0, 0.5, 0.9])),
            }
        )
    return cases
