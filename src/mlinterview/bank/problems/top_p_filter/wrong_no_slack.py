"""Wrong: compares the cumulative sum with p exactly, so 0.7 + 0.2 = 0.8999999999999999 does not
reach p = 0.9 and one token too many is kept."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """Ignores the 1e-12 slack the statement asks for."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")
    cumulative = np.cumsum(probs[order])
    crossing = int(np.searchsorted(cumulative, p, side="left"))
    kept = order[: crossing + 1]
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out / out.sum()
