"""Reference: Spearman's rho as the Pearson correlation of average ranks."""

import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n; each group of equal values gets the mean of the positions it occupies."""
    _, group, counts = np.unique(values, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts + 1  # rank of the first member of each group
    return (first + (counts - 1) / 2.0)[group.ravel()]


def spearman_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """0.0 when either side is constant (no ordering to correlate)."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if np.all(x == x[0]) or np.all(y == y[0]):
        return 0.0
    rx = _average_ranks(x)
    ry = _average_ranks(y)
    rx -= rx.mean()
    ry -= ry.mean()
    return float(np.dot(rx, ry) / np.sqrt(np.dot(rx, rx) * np.dot(ry, ry)))
