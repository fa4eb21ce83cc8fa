"""Wrong: softplus as log(1 + exp(z)) without the max trick; exp overflows for logits near 1e4."""

import numpy as np


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight: float = 1.0) -> float:
    """Right formula in logits, unstable evaluation."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)
    return float(np.mean(pos_weight * y * np.log1p(np.exp(-x)) + (1.0 - y) * np.log1p(np.exp(x))))
