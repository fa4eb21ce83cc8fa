"""Wrong: uses k.T, which reverses every axis; correct for 2-D inputs, broken with batch axes."""

import numpy as np


def scaled_dot_product_attention(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: object = None
) -> np.ndarray:
    """For k of shape (b, h, Lk, d), k.T has shape (d, Lk, h, b), not (b, h, d, Lk)."""
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    scores = q @ k.T / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return weights / weights.sum(axis=-1, keepdims=True) @ v
