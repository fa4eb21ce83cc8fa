"""Wrong: counts labels with np.bincount, assuming they are 0..k-1; negative labels crash it."""

import numpy as np


def cohens_kappa(rater_a: np.ndarray, rater_b: np.ndarray) -> float:
    """Fine for non-negative integer labels, a ValueError for any negative one."""
    a = np.asarray(rater_a).ravel()
    b = np.asarray(rater_b).ravel()
    n = a.size
    k = int(max(a.max(), b.max())) + 1
    p_e = float(np.dot(np.bincount(a, minlength=k), np.bincount(b, minlength=k))) / (n * n)
    if p_e == 1.0:
        return 1.0
    p_o = float(np.mean(a == b))
    return (p_o - p_e) / (1.0 - p_e)
