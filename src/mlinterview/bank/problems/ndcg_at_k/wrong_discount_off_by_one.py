"""Wrong: discounts position i (1-based) by log2(i + 2), one position too far down."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """The first item no longer has discount 1, and every later one is shifted."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.log2(np.arange(1, depth + 1) + 2)
    dcg = float(np.sum((2.0 ** rel[:depth] - 1.0) / discounts))
    ideal = np.sort(rel)[::-1][:depth]
    idcg = float(np.sum((2.0**ideal - 1.0) / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
