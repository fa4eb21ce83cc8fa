"""Wrong: softmax over all keys, then zeroes masked ones and renormalises; a dominant masked
key makes the allowed weights underflow to 0 and the row becomes 0/0 = nan."""

import numpy as np


def scaled_dot_product_attention(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: object = None
) -> np.ndarray:
    """Equal to the right answer in exact arithmetic, not in floating point."""
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = weights / weights.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * np.asarray(mask, dtype=bool)
        weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ v
