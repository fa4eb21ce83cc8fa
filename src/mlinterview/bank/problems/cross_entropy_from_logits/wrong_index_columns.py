"""Wrong: indexes log_probs[:, targets], an n×n matrix that scores every row at every target."""

import numpy as np


def cross_entropy_from_logits(logits: np.ndarray, targets: np.ndarray) -> float:
    """Right when all targets are equal or n = 1, wrong otherwise."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=int)
    shifted = z - z.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[:, t].mean())
