"""Wrong: rejects only ranks whose own p_(k) <= k q / m, not every rank up to the largest one."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """Compares each sorted p-value with its own threshold and keeps the gaps unrejected."""
    p = np.asarray(p_values, dtype=float).ravel()
    m = p.size
    order = np.argsort(p, kind="stable")
    reject = np.zeros(m, dtype=bool)
    reject[order] = p[order] <= np.arange(1, m + 1) * q / m
    return reject.tolist()
