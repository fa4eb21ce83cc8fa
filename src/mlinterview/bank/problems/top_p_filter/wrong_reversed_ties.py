"""Wrong: sorts ascending and reverses, so among equal probabilities the higher index
comes first."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """The same mass is kept, but a tie at the cut-off keeps the wrong token."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(probs, kind="stable")[::-1]
    cumulative = np.cumsum(probs[order])
    crossing = int(np.searchsorted(cumulative, p - 1e-12, side="left"))
    kept = order[: crossing + 1]
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out / out.sum()
