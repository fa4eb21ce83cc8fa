"""Wrong: ranks by sorted position, so tied values get different ranks instead of their midrank."""

import math

import numpy as np


def mann_whitney_u(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    """A stable argsort ranks a's copies of a tied value below b's, so U of a is too small."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    na, nb = a.size, b.size
    n = na + nb
    pooled = np.concatenate([a, b])
    ranks = np.empty(n)
    ranks[np.argsort(pooled, kind="stable")] = np.arange(1, n + 1)
    u = float(ranks[:na].sum() - na * (na + 1) / 2.0)
    counts = np.unique(pooled, return_counts=True)[1].astype(float)
    var = na * nb / 12.0 * ((n + 1) - float(np.sum(counts**3 - counts)) / (n * (n - 1)))
    if var <= 0.0:
        return {"u": u, "z": 0.0}
    return {"u": u, "z": (u - na * nb / 2.0) / math.sqrt(var)}
