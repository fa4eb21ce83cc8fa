"""Reference: Mann-Whitney U of sample a with midranks and the tie-corrected normal z."""

import math

import numpy as np


def mann_whitney_u(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """U = R_a - n_a(n_a+1)/2; z without continuity correction; z = 0 when all values tie."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    na, nb = a.size, b.size
    n = na + nb
    _, group, counts = np.unique(np.concatenate([a, b]), return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts + 1
    ranks = (first + (counts - 1) / 2.0)[group.ravel()]
    u = float(ranks[:na].sum() - na * (na + 1) / 2.0)
    ties = float(np.sum(counts.astype(float) ** 3 - counts))
    var = na * nb / 12.0 * ((n + 1) - ties / (n * (n - 1)))
    if var <= 0.0:
        return {"u": u, "z": 0.0}
    return {"u": u, "z": (u - na * nb / 2.0) / math.sqrt(var)}
