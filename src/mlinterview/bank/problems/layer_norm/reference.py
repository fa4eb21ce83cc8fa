"""Reference layer norm: two-pass population variance over the last axis."""

import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """(x - mean) / sqrt(var + eps) * gamma + beta, statistics per position over the features."""
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)  # population variance (ddof = 0)
    return centred / np.sqrt(var + eps) * np.asarray(gamma, dtype=float) + np.asarray(
        beta, dtype=float
    )
