"""Random binary predictions: balanced and imbalanced classes, two cases with 400 000 samples."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Cases 0 and 1 have ~10^5 samples per confusion cell, so the margin product passes 2**63."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n = 400_000 if i < 2 else int(rng.integers(1, 60))
        rate = [0.5, 0.4, 0.1, 0.02, 0.7][i % 5]
        t = (rng.random(n) < rate).astype(int)
        flip = rng.random(n) < [0.3, 0.45, 0.1, 0.05][i % 4]
        p = np.where(flip, 1 - t, t)
        cases.append({"y_true": t.tolist(), "y_pred": p.tolist()})
    return cases
