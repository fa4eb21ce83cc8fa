"""Wrong: reports min(U_a, U_b), the table convention, instead of U of sample a."""

import math

import numpy as np


def mann_whitney_u(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """The smaller U loses the direction; z is never positive."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    na, nb = a.size, b.size
    n = na + nb
    _, group, counts = np.unique(np.concatenate([a, b]), return_inverse=True, return_counts=True)
    first = np.cumsum(counts) - counts + 1
    ranks = (first + (counts - 1) / 2.0)[group.ravel()]
    u_a = float(ranks[:na].sum() - na * (na + 1) / 2.0)
    u = min(u_a, na * nb - u_a)
    ties = float(np.sum(counts.astype(float) ** 3 - counts))
    var = na * nb / 12.0 * ((n + 1) - ties / (n * (n - 1)))
    if var <= 0.0:
        return {"u": u, "z": 0.0}
    return {"u": u, "z": (u - na * nb / 2.0) / math.sqrt(var)}
