"""Wrong: sums p log p over every class of y in each child; an absent class gives 0 · log 0."""

import numpy as np


def information_gain(x: np.ndarray, y: np.ndarray, threshold: float) -> float:
    """Counts each child against the global class list; a pure or empty child yields NaN."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    left = x <= threshold

    def entropy(labels: np.ndarray) -> float:
        counts = np.array([(labels == c).sum() for c in classes], dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            p = counts / labels.size
            return float(-(p * np.log2(p)).sum())

    n, n_left = y.size, int(left.sum())
    return entropy(y) - (n_left * entropy(y[left]) + (n - n_left) * entropy(y[~left])) / n
