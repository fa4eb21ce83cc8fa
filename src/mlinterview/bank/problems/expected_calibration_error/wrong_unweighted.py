"""Wrong: plain mean of |accuracy - confidence| over the non-empty bins, ignoring bin sizes."""

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """A bin with one sample counts as much as a bin with thousands."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels, dtype=float).ravel()
    bins = np.clip(np.ceil(p * n_bins).astype(np.int64) - 1, 0, n_bins - 1)
    gaps = [abs(y[bins == b].mean() - p[bins == b].mean()) for b in np.unique(bins)]
    return float(np.mean(gaps))
