"""Wrong: computes p = sigmoid(x) first and then log(p), log(1 - p); p rounds to exactly 0 or 1."""

import numpy as np


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight: float = 1.0) -> float:
    """The textbook formula on probabilities: inf or nan once |x| exceeds about 37."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)
    p = 1.0 / (1.0 + np.exp(-x))
    return float(np.mean(-(pos_weight * y * np.log(p) + (1.0 - y) * np.log(1.0 - p))))
