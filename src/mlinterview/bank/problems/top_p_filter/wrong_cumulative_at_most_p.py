"""Wrong: keeps the tokens whose cumulative probability is at most p, which includes the
crossing token only when the sum hits p exactly."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """Reads "top p" as "mass no larger than p"."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")
    cumulative = np.cumsum(probs[order])
    count = max(1, int(np.sum(cumulative <= p + 1e-12)))
    kept = order[:count]
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out / out.sum()
