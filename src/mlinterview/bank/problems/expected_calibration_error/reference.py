"""Reference: binary expected calibration error over right-closed equal-width bins."""

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """Bin i holds (i/B, (i+1)/B]; 0 joins bin 0. Sum of |positive rate - mean prob| * share."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels, dtype=float).ravel()
    n = p.size
    bins = np.clip(np.ceil(p * n_bins).astype(np.int64) - 1, 0, n_bins - 1)
    sum_p = np.bincount(bins, weights=p, minlength=n_bins)
    sum_y = np.bincount(bins, weights=y, minlength=n_bins)
    # |sum_y - sum_p| / n == (count / n) * |mean_y - mean_p|; empty bins add 0.
    return float(np.sum(np.abs(sum_y - sum_p)) / n)
