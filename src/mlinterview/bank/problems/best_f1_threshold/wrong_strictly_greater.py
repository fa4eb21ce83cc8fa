"""Wrong: predicts positive only for score > t, so the threshold's own group is excluded."""

import numpy as np


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> list[float]:
    """Off by one tie group: reports the score just above the real cut."""
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    values, inverse = np.unique(s, return_inverse=True)
    positives_at = np.bincount(inverse, weights=y, minlength=values.size)[::-1]
    samples_at = np.bincount(inverse, minlength=values.size)[::-1]
    tp = np.cumsum(positives_at) - positives_at  # samples strictly above each threshold
    predicted = np.cumsum(samples_at) - samples_at
    denominator = predicted + float(y.sum())
    f1 = np.divide(2.0 * tp, denominator, out=np.zeros_like(tp), where=denominator > 0)
    best = int(np.argmax(f1))
    return [float(values[::-1][best]), float(f1[best])]
