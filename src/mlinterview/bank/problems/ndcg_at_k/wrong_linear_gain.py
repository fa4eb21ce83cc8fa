"""Wrong: uses the relevance itself as the gain instead of 2 ** rel - 1."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """Identical for 0/1 relevances; graded relevances are weighted too gently."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.log2(np.arange(2, depth + 2))
    dcg = float(np.sum(rel[:depth] / discounts))
    ideal = np.sort(rel)[::-1][:depth]
    idcg = float(np.sum(ideal / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
