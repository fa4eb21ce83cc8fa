"""Wrong: log-sum-exp without subtracting the maximum; exp(1e4) overflows to inf."""

import numpy as np


def label_smoothed_cross_entropy(
    logits: np.ndarray, targets: np.ndarray, smoothing: float
) -> float:
    """log(sum(exp(z))) computed directly."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=int)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    nll = -log_p[np.arange(z.shape[0]), t]
    return float(np.mean((1.0 - smoothing) * nll - smoothing * log_p.mean(axis=1)))
