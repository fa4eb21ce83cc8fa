"""Reference repetition penalty (CTRL / Hugging Face rule), applied once per distinct token."""

import numpy as np


def apply_repetition_penalty(
    logits: np.ndarray, previous_tokens: list, penalty: float
) -> np.ndarray:
    """Positive logits of seen tokens are divided by the penalty, the others multiplied."""
    out = np.array(logits, dtype=float)  # a copy: the input stays untouched
    seen = np.unique(np.asarray(previous_tokens, dtype=np.int64))
    scores = out[seen]
    out[seen] = np.where(scores > 0, scores / penalty, scores * penalty)
    return out
