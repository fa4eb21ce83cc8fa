"""Wrong: returns the filtered distribution in sorted (descending) order, not the original order."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """The values are right, but token i is no longer at index i."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")
    sorted_probs = probs[order]
    cumulative = np.cumsum(sorted_probs)
    crossing = int(np.searchsorted(cumulative, p - 1e-12, side="left"))
    out = np.zeros_like(sorted_probs)
    out[: crossing + 1] = sorted_probs[: crossing + 1]
    return out / out.sum()
