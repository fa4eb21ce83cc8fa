"""Wrong: applies the penalty once per occurrence; a token seen three times is hit three times."""

import numpy as np


def apply_repetition_penalty(
    logits: np.ndarray, previous_tokens: list, penalty: float
) -> np.ndarray:
    """Loops over the raw token list instead of its distinct ids."""
    out = np.array(logits, dtype=float)
    for token in previous_tokens:
        score = out[token]
        out[token] = score / penalty if score > 0 else score * penalty
    return out
