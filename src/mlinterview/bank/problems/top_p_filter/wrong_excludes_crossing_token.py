"""Wrong: keeps only the tokens whose cumulative probability stays strictly below p, so the
token that crosses p is dropped (the top token is kept if nothing else is)."""

import numpy as np


def top_p_filter(probs: np.ndarray, p: float) -> np.ndarray:
    """The kept mass is below p instead of reaching it."""
    probs = np.asarray(probs, dtype=float).ravel()
    order = np.argsort(-probs, kind="stable")
    cumulative = np.cumsum(probs[order])
    count = max(1, int(np.sum(cumulative < p)))
    kept = order[:count]
    out = np.zeros_like(probs)
    out[kept] = probs[kept]
    return out / out.sum()
