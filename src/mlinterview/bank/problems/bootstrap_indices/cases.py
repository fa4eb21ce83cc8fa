"""Random bootstrap cases; case 0 is large."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Small n show repeats and out-of-bag rows across rounds; n = 20,000 checks speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, rounds = (20000, 5) if i == 0 else (int(rng.integers(1, 30)), int(rng.integers(1, 6)))
        cases.append({"n": n, "n_samples": rounds, "seed": int(rng.integers(0, 2**32))})
    return cases
