"""Wrong: ranks from argsort of argsort, so tied values get different ranks by position."""

import numpy as np


def spearman_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Correct without ties; ties are broken by input order instead of shared average ranks."""
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if np.all(x == x[0]) or np.all(y == y[0]):
        return 0.0
    rx = np.argsort(np.argsort(x, kind="stable"), kind="stable").astype(float)
    ry = np.argsort(np.argsort(y, kind="stable"), kind="stable").astype(float)
    return float(np.corrcoef(rx, ry)[0, 1])
