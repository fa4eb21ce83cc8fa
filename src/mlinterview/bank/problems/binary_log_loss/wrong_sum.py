"""Wrong: sums the per-sample losses instead of averaging them."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """n times too large for n samples."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.clip(np.asarray(p, dtype=float).ravel(), eps, 1.0 - eps)
    return float(-np.sum(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
