"""Wrong: builds k discounts even when the list is shorter, which fails to broadcast for k > n."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """Correct whenever k <= n."""
    rel = np.asarray(relevances, dtype=float).ravel()
    discounts = np.log2(np.arange(2, k + 2))
    dcg = float(np.sum((2.0 ** rel[:k] - 1.0) / discounts))
    ideal = np.sort(rel)[::-1][:k]
    idcg = float(np.sum((2.0**ideal - 1.0) / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
