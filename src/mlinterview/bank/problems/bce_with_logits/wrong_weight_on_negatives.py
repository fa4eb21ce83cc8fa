"""Wrong: multiplies the negative-class term (1 - y) by pos_weight instead of the positive one."""

import numpy as np


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight: float = 1.0) -> float:
    """Weights the wrong side of the loss."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)

    def softplus(z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))

    return float(np.mean(y * softplus(-x) + pos_weight * (1.0 - y) * softplus(x)))
