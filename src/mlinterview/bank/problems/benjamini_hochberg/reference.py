"""Reference: the Benjamini-Hochberg step-up procedure, flags in the input order."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """Largest rank k with p_(k) <= k q / m; reject every p-value up to and including p_(k)."""
    p = np.asarray(p_values, dtype=float).ravel()
    m = p.size
    if m == 0:
        return []
    order = np.argsort(p, kind="stable")
    ranks = np.arange(1, m + 1)
    passing = np.flatnonzero(p[order] <= ranks * q / m)
    reject = np.zeros(m, dtype=bool)
    if passing.size:
        reject[order[: passing[-1] + 1]] = True
    return reject.tolist()
