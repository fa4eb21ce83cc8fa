"""Random KL cases: probability vectors and raw counts, with zeros, and various eps."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Counts and probabilities with zero bins, eps 0 to 0.5: smoothing and direction errors."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        k = 1000 if i == 0 else int(rng.integers(1, 12))
        eps = [0.0, 1e-10, 1e-6, 0.01, 0.5][i % 5]
        if i % 2:
            p = rng.integers(0, 20, size=k).astype(float)
            q = rng.integers(0, 20, size=k).astype(float)
        else:
            p = rng.dirichlet(np.ones(k)).round(6)
            q = rng.dirichlet(np.ones(k) * 0.5).round(6)
            p[rng.random(k) < 0.2] = 0.0
        p[int(rng.integers(0, k))] += 1.0
        if eps == 0.0:
            q[p > 0] += 0.5
        else:
            q[rng.random(k) < 0.2] = 0.0
        q[int(rng.integers(0, k))] += 1.0
        cases.append({"p": p.tolist(), "q": q.tolist(), "eps": eps})
    return cases
