"""Wrong: cuts the sorted list after every sample, even inside a group of equal scores."""

import numpy as np


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> list[float]:
    """Reports F1 values that no threshold can produce when positives and negatives tie."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    tp = np.cumsum(y[order])
    predicted = np.arange(1, y.size + 1)
    f1 = 2.0 * tp / (predicted + y.sum())
    best = int(np.argmax(f1))
    return [float(s[order][best]), float(f1[best])]
