"""Reference NDCG@k with exponential gains and the ideal ranking built from all items."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """DCG of the first min(k, n) positions over the DCG of all relevances sorted descending."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.log2(np.arange(2, depth + 2))  # position i = 1.. has discount log2(i + 1)
    dcg = float(np.sum((2.0 ** rel[:depth] - 1.0) / discounts))
    ideal = np.sort(rel)[::-1][:depth]
    idcg = float(np.sum((2.0**ideal - 1.0) / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
