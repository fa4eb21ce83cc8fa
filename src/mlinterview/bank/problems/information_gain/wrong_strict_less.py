"""Wrong: sends x < threshold left, so a sample equal to the threshold goes right."""

import numpy as np


def _entropy(labels: np.ndarray) -> float:
    if labels.size == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / labels.size
    return float(-(p * np.log2(p)).sum())


def information_gain(x: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """Right unless some x equals the threshold exactly."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    left = x < threshold
    n, n_left = y.size, int(left.sum())
    return _entropy(y) - (n_left * _entropy(y[left]) + (n - n_left) * _entropy(y[~left])) / n
