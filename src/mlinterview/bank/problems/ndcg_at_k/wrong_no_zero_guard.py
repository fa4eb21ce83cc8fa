"""Wrong: divides by the ideal DCG without checking for 0, so all-zero relevances give nan."""

import numpy as np


def ndcg_at_k(relevances: np.ndarray, k: int) -> float:
    """Otherwise correct."""
    rel = np.asarray(relevances, dtype=float).ravel()
    depth = min(k, rel.size)
    discounts = np.log2(np.arange(2, depth + 2))
    dcg = np.sum((2.0 ** rel[:depth] - 1.0) / discounts)
    ideal = np.sort(rel)[::-1][:depth]
    idcg = np.sum((2.0**ideal - 1.0) / discounts)
    return float(dcg / idcg)
