"""Wrong: computes KL(q || p) instead of KL(p || q); the divergence is not symmetric."""

import numpy as np


def kl_divergence(p: np.ndarray, q: np.ndarray, eps: float) -> float:
    p = np.asarray(p, dtype=float) + eps
    q = np.asarray(q, dtype=float) + eps
    p = p / p.sum()
    q = q / q.sum()
    support = q > 0
    return float(np.sum(q[support] * np.log(q[support] / p[support])))
