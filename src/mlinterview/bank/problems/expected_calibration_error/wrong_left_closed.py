"""Wrong: left-closed bins [i/B, (i+1)/B) via floor(p * B), so edge values land one bin too high."""

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """np.histogram's convention (last bin closed); differs only for p exactly on an edge."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels, dtype=float).ravel()
    bins = np.minimum(np.floor(p * n_bins).astype(np.int64), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += mask.sum() / p.size * abs(y[mask].mean() - p[mask].mean())
    return float(total)
