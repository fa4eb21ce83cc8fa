"""Wrong: plain mean of the precision over all thresholds, not weighted by the recall gained."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Thresholds that add no positive (recall unchanged) still count in the average."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    last = np.append(np.flatnonzero(s[1:] != s[:-1]), s.size - 1)
    return float(np.mean(tp[last] / (last + 1)))
