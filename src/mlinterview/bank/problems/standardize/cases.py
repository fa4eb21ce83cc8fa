"""Random standardisation cases with shifted test data, constant columns and large offsets."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shifted test rows expose leakage; constant columns and large offsets test stability."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, m, d = int(rng.integers(2, 50)), int(rng.integers(0, 20)), int(rng.integers(1, 5))
        loc = rng.normal(scale=10, size=d)
        spread = rng.uniform(0.1, 5, size=d)
        train = rng.normal(loc, spread, size=(n, d))
        test = rng.normal(loc + spread, spread * 2, size=(m, d))
        if i % 4 == 3:
            # Non-integer constants: their computed std is often ~1e-17, not exactly 0.
            train[:, 0] = round(float(rng.uniform(-5, 5)), 1)
        if i % 5 == 4:
            # A large offset: a one-pass variance formula cancels catastrophically here.
            train[:, -1] += 1e7
            test[:, -1] += 1e7
        cases.append({"X_train": train.round(6).tolist(), "X_test": test.round(6).tolist()})
    return cases
