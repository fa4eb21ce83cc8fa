"""Wrong: counts only strictly better-ranked pairs; tied pairs add nothing instead of 1/2."""

import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float | None:
    """For each positive, the number of negatives with a strictly lower score."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], np.sort(s[~y])
    if pos.size == 0 or neg.size == 0:
        return None
    below = np.searchsorted(neg, pos, side="left")
    return float(below.sum()) / (pos.size * neg.size)
