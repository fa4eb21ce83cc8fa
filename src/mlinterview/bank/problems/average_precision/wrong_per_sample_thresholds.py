"""Wrong: one threshold per sample, so tied scores split in whatever order the sort left them."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Mean precision at each positive's rank; right without ties, order-dependent with them."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    y = y[np.argsort(-s, kind="stable")]
    precision = np.cumsum(y) / np.arange(1, y.size + 1)
    return float(np.sum(precision * y) / n_pos)
