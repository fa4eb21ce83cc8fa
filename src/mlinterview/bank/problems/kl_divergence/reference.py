"""Reference: smooth with eps, renormalise, sum only over the support of p."""

import numpy as np


def kl_divergence(p: np.ndarray, q: np.ndarray, eps: float) -> float:
    p = np.asarray(p, dtype=float) + eps
    q = np.asarray(q, dtype=float) + eps
    p = p / p.sum()
    q = q / q.sum()
    support = p > 0
    # 0 * log(0 / q) is 0 by convention; masking avoids the NaN that 0 * -inf would give.
    return float(np.sum(p[support] * np.log(p[support] / q[support])))
