"""Wrong: multiplies positive logits and divides negative ones, the rule turned around."""

import numpy as np


def apply_repetition_penalty(
    logits: np.ndarray, previous_tokens: list, penalty: float
) -> np.ndarray:
    """With penalty > 1 this pushes seen tokens up on both sides of zero."""
    out = np.array(logits, dtype=float)
    seen = np.unique(np.asarray(previous_tokens, dtype=np.int64))
    scores = out[seen]
    out[seen] = np.where(scores > 0, scores * penalty, scores / penalty)
    return out
