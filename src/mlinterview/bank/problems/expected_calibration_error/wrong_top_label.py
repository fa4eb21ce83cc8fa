"""Wrong: top-label ECE (confidence max(p, 1-p), accuracy of the predicted class), not P(y=1)."""

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """The multi-class convention; the statement asks for the binary reliability of P(y = 1)."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels).ravel()
    conf = np.maximum(p, 1.0 - p)
    correct = ((p >= 0.5).astype(int) == y).astype(float)
    bins = np.clip(np.ceil(conf * n_bins).astype(np.int64) - 1, 0, n_bins - 1)
    total = 0.0
    for b in np.unique(bins):
        mask = bins == b
        total += mask.sum() / p.size * abs(correct[mask].mean() - conf[mask].mean())
    return float(total)
