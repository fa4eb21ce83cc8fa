"""Random PSI cases: continuous shifts, integer-valued data with edge hits, one large case."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Integer data hits bin edges, shifted normals move mass; one big sample needs vectorising."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        bins = int(rng.integers(1, 12))
        if i == 0:
            e = rng.normal(size=50000)
            a = rng.normal(0.3, 1.2, size=40000)
            bins = 10
        elif i % 2 == 0:
            n_e, n_a = int(rng.integers(1, 300)), int(rng.integers(1, 300))
            e = rng.normal(size=n_e)
            a = rng.normal(rng.normal(scale=0.5), rng.uniform(0.5, 2), size=n_a)
        else:
            n_e, n_a = int(rng.integers(1, 60)), int(rng.integers(1, 60))
            e = rng.integers(0, 6, size=n_e).astype(float)
            a = rng.integers(-1, 8, size=n_a).astype(float)
        cases.append({"expected": e.round(6).tolist(), "actual": a.round(6).tolist(), "bins": bins})
    return cases
