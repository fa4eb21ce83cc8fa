"""Random ranked lists with graded relevances, cut-offs below and above n, and one of 50 000."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Grades 0-4 (some fractional, some lists all zero) and k from 1 to n + 5."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 50_000 if i == 0 else int(rng.integers(1, 25))
        rel = rng.integers(0, 5, size=n) * (rng.random(n) < rng.uniform(0.2, 0.9))
        if i % 5 == 3:
            rel = np.round(rng.uniform(0.0, 3.0, size=n), 1)
        elif i % 7 == 6:
            rel = np.zeros(n, dtype=int)
        k = n // 2 if i == 0 else int(rng.integers(1, n + 6))
        cases.append({"relevances": rel.tolist(), "k": k})
    return cases
