"""Random p-value families: a few true effects among many nulls, with repeated values."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """Uniform nulls mixed with small p-values, rounded so ties occur; case 0 has m = 50 000."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        m = 50_000 if i == 0 else int(rng.integers(1, 60))
        q = [0.05, 0.1, 0.01, 0.2][i % 4]
        effects = rng.random(m) < [0.1, 0.3, 0.6][i % 3]
        p = np.where(effects, rng.beta(0.3, 12.0, size=m), rng.random(m))
        p = np.round(p, [3, 4, 5][i % 3])
        thresholds = np.arange(1, m + 1) * q / m
        # Keep every p-value off the thresholds so the order of the arithmetic cannot matter.
        pos = np.clip(np.searchsorted(thresholds, p), 0, m - 1)
        near = np.minimum(
            np.abs(p - thresholds[pos]), np.abs(p - thresholds[np.maximum(pos - 1, 0)])
        )
        p = np.where(near < 1e-9, p + 1e-7, p)
        cases.append({"p_values": p, "q": q})
    return cases
