"""Random k-fold cases, shuffled and unshuffled, including leave-one-out and a large n."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Small n make uneven folds common, shuffled or not, k up to n; n = 20,011 for speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 20011 if i == 0 else int(rng.integers(2, 40))
        k = 7 if i == 0 else int(rng.integers(2, n + 1))
        cases.append(
            {"n": n, "k": k, "shuffle": bool(i % 3 != 1), "seed": int(rng.integers(0, 10**6))}
        )
    return cases
