"""Wrong: sums the per-sample losses instead of averaging them."""

import numpy as np


def cross_entropy_from_logits(logits: np.ndarray, targets: np.ndarray) -> float:
    """reduction='sum' where 'mean' was asked for; right only when n = 1."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=int)
    shifted = z - z.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(z.shape[0]), t].sum())
