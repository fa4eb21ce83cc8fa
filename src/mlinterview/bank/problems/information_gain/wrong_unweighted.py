"""Wrong: subtracts the plain average of the two child entropies, ignoring their sizes."""

import numpy as np


def _entropy(labels: np.ndarray) -> float:
    if labels.size == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / labels.size
    return float(-(p * np.log2(p)).sum())


def information_gain(x: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """(H(left) + H(right)) / 2: a tiny pure child halves the subtracted entropy."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    left = x <= threshold
    return _entropy(y) - (_entropy(y[left]) + _entropy(y[~left])) / 2.0
