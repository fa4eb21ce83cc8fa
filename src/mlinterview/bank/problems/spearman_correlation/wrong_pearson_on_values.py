"""Wrong: Pearson correlation of the raw values instead of their ranks."""

import numpy as np


def spearman_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Measures linear, not monotonic, association; outliers and curvature change it."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if np.all(x == x[0]) or np.all(y == y[0]):
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])
