"""Wrong: multiplies the probabilities by the mask after the softmax, so rows no longer sum to 1."""

import numpy as np


def scaled_dot_product_attention(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: object = None
) -> np.ndarray:
    """Masked keys still took their share of the normaliser before being zeroed."""
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = weights / weights.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * np.asarray(mask, dtype=bool)
    return weights @ v
