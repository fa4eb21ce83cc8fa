"""Wrong: no clipping; a confident wrong prediction of exactly 0 or 1 gives log(0)."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """Ignores eps; the loss becomes inf (or nan from 0 * log 0)."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.asarray(p, dtype=float).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
