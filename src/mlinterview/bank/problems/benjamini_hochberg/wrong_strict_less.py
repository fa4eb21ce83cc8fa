"""Wrong: p_(k) < k q / m; a p-value exactly on its threshold is not rejected."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """Step-up with a strict comparison."""
    p = np.asarray(p_values, dtype=float).ravel()
    m = p.size
    order = np.argsort(p, kind="stable")
    passing = np.flatnonzero(p[order] < np.arange(1, m + 1) * q / m)
    reject = np.zeros(m, dtype=bool)
    if passing.size:
        reject[order[: passing[-1] + 1]] = True
    return reject.tolist()
