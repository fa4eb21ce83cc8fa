"""Wrong: trapezoidal area under the PR curve (linear interpolation) instead of the step sum."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Starts the curve at (recall 0, precision 1) and joins the points with straight lines."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = y.sum()
    if n_pos == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    last = np.append(np.flatnonzero(s[1:] != s[:-1]), s.size - 1)
    precision = np.concatenate([[1.0], tp[last] / (last + 1)])
    recall = np.concatenate([[0.0], tp[last] / n_pos])
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2.0))
