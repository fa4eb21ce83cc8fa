"""Wrong: ranks by position in the sorted order, so ties are broken by input order."""

import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float | None:
    """argsort().argsort() gives distinct ranks to equal scores instead of their average."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    ranks = np.argsort(np.argsort(s, kind="stable"), kind="stable") + 1
    u = float(ranks[y].sum()) - n_pos * (n_pos + 1) / 2.0
    return u / (n_pos * n_neg)
