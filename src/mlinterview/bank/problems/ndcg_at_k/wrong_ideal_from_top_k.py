"""Wrong: builds the ideal DCG by sorting only the first k ranked items, so a relevant item
ranked below k is never missed."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """Scores 1.0 whenever the top k are merely in the wrong order among themselves."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.log2(np.arange(2, depth + 2))
    dcg = float(np.sum((2.0 ** rel[:depth] - 1.0) / discounts))
    ideal = np.sort(rel[:depth])[::-1]
    idcg = float(np.sum((2.0**ideal - 1.0) / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
