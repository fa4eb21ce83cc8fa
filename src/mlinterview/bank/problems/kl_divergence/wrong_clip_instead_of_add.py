"""Wrong: normalises first and then clips probabilities at eps (no renormalisation) instead of
adding eps to every entry and renormalising."""

import numpy as np


def kl_divergence(p: np.ndarray, q: np.ndarray, eps: float) -> float:
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    p = np.maximum(p / p.sum(), eps)
    q = np.maximum(q / q.sum(), eps)
    support = p > 0
    return float(np.sum(p[support] * np.log(p[support] / q[support])))
