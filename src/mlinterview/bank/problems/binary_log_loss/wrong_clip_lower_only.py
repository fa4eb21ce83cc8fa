"""Wrong: clips only from below (p >= eps), so p = 1 with label 0 still hits log(0)."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """np.maximum(p, eps) protects log(p) but not log(1 - p)."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.maximum(np.asarray(p, dtype=float).ravel(), eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
