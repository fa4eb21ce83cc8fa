"""Reference F1-optimal threshold: one sort, cumulative counts per distinct score."""

import numpy as np


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> list[float]:
    """Sweep distinct scores from high to low; argmax keeps the first, i.e. largest, best."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    values, inverse = np.unique(s, return_inverse=True)
    positives_at = np.bincount(inverse, weights=y, minlength=values.size)[::-1]
    samples_at = np.bincount(inverse, minlength=values.size)[::-1]
    tp = np.cumsum(positives_at)
    predicted = np.cumsum(samples_at)
    total_pos = float(y.sum())
    f1 = 2.0 * tp / (predicted + total_pos)  # 2TP + FP + FN = (TP + FP) + (TP + FN)
    best = int(np.argmax(f1))
    return [float(values[::-1][best]), float(f1[best])]
