"""Wrong: applies a continuity correction of 0.5 towards the mean, which the statement excludes."""

import math

import numpy as np


def mann_whitney_u(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """z = (U - mean - 0.5 * sign(U - mean)) / sigma, as scipy does by default."""
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
    diff = u - na * nb / 2.0
    return {"u": u, "z": (diff - 0.5 * math.copysign(1.0, diff) * (diff != 0)) / math.sqrt(var)}
