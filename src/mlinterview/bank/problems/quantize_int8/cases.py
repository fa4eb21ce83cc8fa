"""Random weight tensors: Gaussian weights, heavy-tailed outliers, 1-D and 2-D shapes."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Outliers that dominate the scale and 1-D/2-D shapes; one large matrix checks vectorising."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        if i == 0:
            w = rng.normal(scale=0.02, size=(200, 200))
        elif i % 2:
            w = rng.normal(scale=float(rng.uniform(0.01, 2.0)), size=int(rng.integers(1, 60)))
        else:
            shape = (int(rng.integers(1, 12)), int(rng.integers(1, 12)))
            w = rng.standard_t(df=3, size=shape) * float(rng.uniform(0.01, 1.0))
        if i % 3 == 2:
            w.flat[int(rng.integers(0, w.size))] = float(rng.choice([-1, 1])) * 50 * np.abs(w).max()
        cases.append({"w": w.round(8).tolist()})
    return cases
