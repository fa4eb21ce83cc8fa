"""Wrong: no special case without positives; recall divides by zero and the result is nan."""

import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Correct whenever there is at least one positive."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if y.size == 0:
        return float("nan")
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    last = np.append(np.flatnonzero(s[1:] != s[:-1]), s.size - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        recall = tp[last] / y.sum()
    return float(np.sum(np.diff(recall, prepend=0.0) * tp[last] / (last + 1)))
