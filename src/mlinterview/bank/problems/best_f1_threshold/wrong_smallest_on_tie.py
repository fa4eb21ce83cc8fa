"""Wrong: keeps the last maximum of the sweep, i.e. the smallest threshold on ties."""

import numpy as np


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> list[float]:
    """Uses >= while scanning, which moves to lower thresholds whenever F1 ties."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    best_t, best_f1 = float(s.max()), -1.0
    values = np.unique(s)[::-1]
    order = np.argsort(-s, kind="stable")
    sorted_s, sorted_y = s[order], y[order]
    total_pos = int(y.sum())
    tp = predicted = i = 0
    for t in values:
        while i < len(sorted_s) and sorted_s[i] >= t:
            tp += int(sorted_y[i])
            predicted += 1
            i += 1
        f1 = 2 * tp / (predicted + total_pos)
        if f1 >= best_f1:
            best_t, best_f1 = float(t), f1
    return [best_t, best_f1]
