"""Random confusion-matrix cases with integer or string labels, sometimes with unlisted labels."""

from __future__ import annotations

import numpy as np

NAMES = ["cat", "dog", "bird", "fish", "frog", "owl"]


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Shuffled label order, int or string labels, some unlisted; 5,000 samples for speed."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        c = int(rng.integers(2, 6))
        universe: list[object] = (
            list(NAMES[:c]) if i % 2 else [int(v) for v in rng.choice(20, c, replace=False)]
        )
        n = 5000 if i == 0 else int(rng.integers(0, 50))
        y_true = [universe[j] for j in rng.integers(0, c, size=n)]
        noisy = rng.integers(0, c, size=n)
        keep = rng.random(n) < 0.6
        y_pred = [y_true[j] if keep[j] else universe[noisy[j]] for j in range(n)]
        labels = [universe[j] for j in rng.permutation(c)]
        if i % 3 == 2:
            labels = labels[:-1]
        cases.append({"y_true": y_true, "y_pred": y_pred, "labels": labels})
    return cases
