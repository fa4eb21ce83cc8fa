"""Random well-conditioned regressions with noise; case 0 is large."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Noisy linear data with offsets, no degeneracy; one 20,000 x 8 case checks speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, d = (20000, 8) if i == 0 else (int(rng.integers(4, 80)), int(rng.integers(1, 4)))
        if i:
            n = max(n, d + 2)
        X = rng.normal(loc=rng.normal(size=d) * 3, scale=rng.uniform(0.5, 3, size=d), size=(n, d))
        beta = rng.normal(size=d) * 2
        y = X @ beta + rng.normal() * 5 + rng.normal(scale=0.3, size=n)
        cases.append({"X": X.round(5).tolist(), "y": y.round(5).tolist()})
    return cases
