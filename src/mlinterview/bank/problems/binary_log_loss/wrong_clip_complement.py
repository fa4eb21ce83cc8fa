"""Wrong: clips p and 1 - p separately to [eps, 1], instead of clipping p to [eps, 1 - eps]."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """For label 0 and p near 1 the term is -log(eps), not -log(1 - (1 - eps)) as specified."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.asarray(p, dtype=float).ravel()
    log_p = np.log(np.clip(q, eps, 1.0))
    log_not_p = np.log(np.clip(1.0 - q, eps, 1.0))
    return float(-np.mean(y * log_p + (1.0 - y) * log_not_p))
