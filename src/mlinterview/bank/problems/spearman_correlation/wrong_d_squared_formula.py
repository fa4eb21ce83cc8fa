"""Wrong: 1 - 6 * sum(d^2) / (n (n^2 - 1)) on average ranks, which is exact only without ties."""

import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    _, group, counts = np.unique(values, return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts + 1
    return (first + (counts - 1) / 2.0)[group.ravel()]


def spearman_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """The textbook shortcut; ties shrink the rank variance and the shortcut ignores that."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if np.all(x == x[0]) or np.all(y == y[0]):
        return 0.0
    n = x.size
    d = _average_ranks(x) - _average_ranks(y)
    return float(1.0 - 6.0 * np.dot(d, d) / (n * (n * n - 1.0)))
