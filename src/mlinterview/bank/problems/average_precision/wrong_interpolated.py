"""Wrong: interpolated precision (best precision at any recall >= R_k), as in PASCAL VOC."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Replaces each P_k by the maximum precision further down the list; never lower."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    last = np.append(np.flatnonzero(s[1:] != s[:-1]), s.size - 1)
    precision = np.maximum.accumulate((tp[last] / (last + 1))[::-1])[::-1]
    recall = tp[last] / n_pos
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
