"""Reference: step-wise average precision, one threshold per distinct score."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Sum of (R_k - R_{k-1}) * P_k over distinct scores, highest first; 0.0 without positives."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    last = np.append(np.flatnonzero(s[1:] != s[:-1]), s.size - 1)  # end of each score group
    precision = tp[last] / (last + 1)
    recall = tp[last] / n_pos
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))
