"""Reference binary cross-entropy from logits via a stable softplus; pos_weight on the y term."""

import numpy as np


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight: float = 1.0) -> float:
    """mean(pos_weight * y * softplus(-x) + (1 - y) * softplus(x)) over all elements."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)

    def softplus(z: np.ndarray) -> np.ndarray:  # log(1 + exp(z)) without overflow
        return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))

    # -log sigmoid(x) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x)
    return float(np.mean(pos_weight * y * softplus(-x) + (1.0 - y) * softplus(x)))
