"""Reference information gain of one threshold split, entropies in bits."""

import numpy as np


def _entropy(labels: np.ndarray) -> float:
    """Shannon entropy in bits; an empty set (and every absent class) contributes 0."""
    if labels.size == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / labels.size  # only classes present
    return float(-(p * np.log2(p)).sum()) + 0.0  # + 0.0 turns -0.0 into 0.0


def information_gain(x: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """H(y) − (n_left H(left) + n_right H(right)) / n for the split x <= threshold."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    left = x <= threshold
    n, n_left = y.size, int(left.sum())
    children = n_left * _entropy(y[left]) + (n - n_left) * _entropy(y[~left])
    return _entropy(y) - children / n
