"""Wrong: an empty history becomes a float array, which cannot index the logits."""

import numpy as np


def apply_repetition_penalty(
    logits: np.ndarray, previous_tokens: list, penalty: float
) -> np.ndarray:
    """np.unique([]) has dtype float64; indexing with it raises IndexError."""
    out = np.array(logits, dtype=float)
    seen = np.unique(previous_tokens)
    scores = out[seen]
    out[seen] = np.where(scores > 0, scores / penalty, scores * penalty)
    return out
