"""Wrong: returns the flags in sorted p-value order instead of the order of the input."""

import numpy as np


def benjamini_hochberg(p_values: np.ndarray, q: float) -> list[bool]:
    """Right set of rejections, but flag i belongs to the i-th smallest p-value."""
    p = np.sort(np.asarray(p_values, dtype=float).ravel())
    m = p.size
    passing = np.flatnonzero(p <= np.arange(1, m + 1) * q / m)
    reject = np.zeros(m, dtype=bool)
    if passing.size:
        reject[: passing[-1] + 1] = True
    return reject.tolist()
