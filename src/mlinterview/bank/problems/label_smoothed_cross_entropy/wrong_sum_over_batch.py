"""Wrong: sums the per-sample losses instead of averaging them over the batch."""

import numpy as np


def label_smoothed_cross_entropy(
    logits: np.ndarray, targets: np.ndarray, smoothing: float
) -> float:
    """Right per sample; the reduction is a sum."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=int)
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    nll = -log_p[np.arange(z.shape[0]), t]
    return float(np.sum((1.0 - smoothing) * nll - smoothing * log_p.mean(axis=1)))
