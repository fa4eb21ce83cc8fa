"""Wrong: s / (C - 1) on the other classes, 1 - s on the target; PyTorch puts s / C on all."""

import numpy as np


def label_smoothed_cross_entropy(
    logits: np.ndarray, targets: np.ndarray, smoothing: float
) -> float:
    """The 'spread over the wrong classes' convention of some papers, not PyTorch's."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=int)
    n, c = z.shape
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    q = np.full((n, c), smoothing / (c - 1) if c > 1 else 0.0)
    q[np.arange(n), t] = 1.0 - smoothing
    return float(np.mean(-(q * log_p).sum(axis=1)))
