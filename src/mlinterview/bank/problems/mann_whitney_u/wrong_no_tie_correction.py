"""Wrong: variance n_a n_b (N + 1) / 12 without the tie correction term."""

import math

import numpy as np


def mann_whitney_u(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """Midranks are right, but ties shrink the variance and this ignores it."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    na, nb = a.size, b.size
    _, group, counts = np.unique(np.concatenate([a, b]), return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts + 1
    ranks = (first + (counts - 1) / 2.0)[group.ravel()]
    u = float(ranks[:na].sum() - na * (na + 1) / 2.0)
    if counts.size == 1:
        return {"u": u, "z": 0.0}
    var = na * nb * (na + nb + 1) / 12.0
    return {"u": u, "z": (u - na * nb / 2.0) / math.sqrt(var)}
