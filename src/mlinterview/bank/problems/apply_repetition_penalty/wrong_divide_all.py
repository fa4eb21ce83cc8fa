"""Wrong: divides every seen logit by the penalty, which makes negative logits more likely."""

import numpy as np


def apply_repetition_penalty(
    logits: np.ndarray, previous_tokens: list, penalty: float
) -> np.ndarray:
    """-2 / 1.5 = -1.33 > -2: a repeated token with a negative logit is boosted, not penalised."""
    out = np.array(logits, dtype=float)
    seen = np.unique(np.asarray(previous_tokens, dtype=np.int64))
    out[seen] = out[seen] / penalty
    return out
