"""Reference nucleus (top-p) filter: stable descending sort, shortest prefix reaching p."""

import numpy as np

SLACK = 1e-12


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """Keep the smallest set of most likely tokens whose mass reaches p, renormalised."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")  # ties keep the lower index first
    cumulative = np.cumsum(probs[order])
    crossing = int(np.searchsorted(cumulative, p - SLACK, side="left"))  # first cum >= p - slack
    kept = order[: crossing + 1]  # the crossing token is kept; a slice stops at n
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out / out.sum()
