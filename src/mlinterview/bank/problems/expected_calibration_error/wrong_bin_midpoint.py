"""Wrong: uses the bin's midpoint as its confidence instead of the mean predicted probability."""

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """Reads confidence off the reliability diagram's x axis rather than from the predictions."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels, dtype=float).ravel()
    bins = np.clip(np.ceil(p * n_bins).astype(np.int64) - 1, 0, n_bins - 1)
    total = 0.0
    for b in np.unique(bins):
        mask = bins == b
        total += mask.sum() / p.size * abs(y[mask].mean() - (b + 0.5) / n_bins)
    return float(total)
