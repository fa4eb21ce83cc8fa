"""Random forward-chaining cases that satisfy the stated preconditions; case 0 is large."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Varied lengths, split counts and gaps test block placement; one long series tests speed."""
    cases: list[dict[str, object]] = []
    while len(cases) < count:
        if not cases:
            n, k, gap = 50003, 6, 30
        else:
            n = int(rng.integers(2, 60))
            k = int(rng.integers(1, 8))
            gap = int(rng.integers(0, 6))
        test_size = n // (k + 1)
        if test_size >= 1 and n - k * test_size - gap >= 1:
            cases.append({"n": n, "n_splits": k, "gap": gap})
    return cases
