"""Wrong: uses np.argsort(x) itself as the ranks (that is the sorting permutation, not ranks)."""

import numpy as np


def _average_ranks_of(order: np.ndarray, values: np.ndarray) -> np.ndarray:
    ranks = order.astype(float) + 1.0
    for v in np.unique(values):  # average over ties, applied to the wrong array
        mask = values == v
        ranks[mask] = ranks[mask].mean()
    return ranks


def spearman_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """argsort gives the index of the k-th smallest value, which differs from the rank of x[k]."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if np.all(x == x[0]) or np.all(y == y[0]):
        return 0.0
    rx = _average_ranks_of(np.argsort(x, kind="stable"), x)
    ry = _average_ranks_of(np.argsort(y, kind="stable"), y)
    return float(np.corrcoef(rx, ry)[0, 1])
