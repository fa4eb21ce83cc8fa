"""Wrong: every bin is lo < p <= hi, so a probability of exactly 0 falls into no bin."""

import itertools

import numpy as np


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> float:
    """Loops over the bin edges; the samples at p = 0 silently drop out of the sum."""
    p = np.asarray(probs, dtype=float).ravel()
    y = np.asarray(labels, dtype=float).ravel()
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        mask = (p > lo) & (p <= hi)
        if mask.any():
            total += mask.sum() / p.size * abs(y[mask].mean() - p[mask].mean())
    return float(total)
