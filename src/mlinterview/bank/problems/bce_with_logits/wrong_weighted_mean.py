"""Wrong: divides by the sum of the weights (as cross_entropy does for class weights), not by n."""

import numpy as np


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight: float = 1.0) -> float:
    """Normalises by sum(1 + (pos_weight - 1) * y); BCEWithLogits takes a plain mean."""
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets, dtype=float)

    def softplus(z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))

    losses = pos_weight * y * softplus(-x) + (1.0 - y) * softplus(x)
    return float(np.sum(losses) / np.sum(1.0 + (pos_weight - 1.0) * y))
