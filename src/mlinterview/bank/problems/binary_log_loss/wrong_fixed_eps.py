"""Wrong: clips with a hard-coded 1e-15 and ignores the eps that is passed in."""

import numpy as np


def binary_log_loss(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> float:
    """Right with the default eps, wrong whenever a test passes another one."""
    y = np.asarray(y_true, dtype=float).ravel()
    q = np.clip(np.asarray(p, dtype=float).ravel(), 1e-15, 1.0 - 1e-15)
    return float(-np.mean(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
