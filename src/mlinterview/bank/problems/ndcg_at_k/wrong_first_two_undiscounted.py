"""Wrong: the old variant that divides by max(1, log2(i)), so positions 1 and 2 both count fully."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """Swapping the first two items leaves the score unchanged."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.maximum(1.0, np.log2(np.arange(1, depth + 1)))
    dcg = float(np.sum((2.0 ** rel[:depth] - 1.0) / discounts))
    ideal = np.sort(rel)[::-1][:depth]
    idcg = float(np.sum((2.0**ideal - 1.0) / discounts))
    if idcg == 0.0:
        return 0.0
    return dcg / idcg
