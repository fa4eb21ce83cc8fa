"""Wrong: step-down; stops at the first rank that fails instead of the largest rank that passes."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """Walks up from the smallest p-value and quits at the first p_(k) > k q / m."""
    p = np.asarray(p_values, dtype=float).ravel()
    m = p.size
    order = np.argsort(p, kind="stable")
    reject = np.zeros(m, dtype=bool)
    for k, i in enumerate(order, start=1):
        if p[i] > k * q / m:
            break
        reject[i] = True
    return reject.tolist()
