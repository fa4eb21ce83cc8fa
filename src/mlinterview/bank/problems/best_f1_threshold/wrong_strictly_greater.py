"""Wrong: predicts positive only for score > t, so the threshold's own group is excluded."""

import numpy as np


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> list[float]:
    """Off by one tie group: reports the score just above the real cut."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    total_pos = int(y.sum())
    best_t, best_f1 = float(s.max()), -1.0
    for t in np.unique(s)[::-1]:
        predicted_pos = s > t
        tp = int((predicted_pos & y).sum())
        denominator = int(predicted_pos.sum()) + total_pos
        f1 = 2 * tp / denominator if denominator else 0.0
        if f1 > best_f1:
            best_t, best_f1 = float(t), f1
    return [best_t, best_f1]
