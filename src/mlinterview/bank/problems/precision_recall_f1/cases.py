"""Random binary and multi-class cases; the positive label is sometimes rare or absent."""

from __future__ import annotations

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Rare or absent positive classes, int and str labels, hit counting and zero division."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        c = int(rng.integers(2, 5))
        universe: list[object] = (
            [["neg", "pos", "other", "unsure"][j] for j in range(c)] if i % 2 else list(range(c))
        )
        n = int(rng.integers(1, 60))
        p_pos = float(rng.choice([0.02, 0.2, 0.5]))
        weights = np.full(c, (1 - p_pos) / (c - 1))
        weights[1] = p_pos
        t_idx = rng.choice(c, size=n, p=weights)
        p_idx = np.where(rng.random(n) < 0.7, t_idx, rng.integers(0, c, size=n))
        cases.append(
            {
                "y_true": [universe[j] for j in t_idx],
                "y_pred": [universe[j] for j in p_idx],
                "positive": universe[1],
            }
        )
    return cases
