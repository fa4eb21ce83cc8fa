"""Wrong: gives tied p-values their smallest rank, so ties face too low a threshold."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """rank = 1 + number of strictly smaller p-values (like rankdata's 'min')."""
    p = np.asarray(p_values, dtype=float).ravel()
    m = p.size
    ranks = np.searchsorted(np.sort(p), p, side="left") + 1
    passing = p <= ranks * q / m
    if not passing.any():
        return [False] * m
    k = ranks[passing].max()
    return (ranks <= k).tolist()
