"""Wrong: takes one mean and variance over the whole array instead of per position."""

import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """x.mean() without an axis: every row shares the statistics of the whole batch."""
    x = np.asarray(x, dtype=float)
    return (x - x.mean()) / np.sqrt(x.var() + eps) * gamma + beta
