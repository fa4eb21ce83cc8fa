"""Wrong: zeroes the dropped tokens but does not renormalise, so the result sums to less than 1."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """Correct only when the kept tokens already hold all the mass."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")
    cumulative = np.cumsum(probs[order])
    crossing = int(np.searchsorted(cumulative, p - 1e-12, side="left"))
    kept = order[: crossing + 1]
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out
