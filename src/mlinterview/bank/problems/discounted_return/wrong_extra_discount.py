"""Wrong: discounts the immediate reward too (weights start at gamma instead of 1)."""

import numpy as np


def discounted_return(rewards: np.ndarray, gamma: float) -> np.ndarray:
    """Off by one power of gamma: G_t = sum_k gamma^(k+1) r_{t+k}."""
    r = np.asarray(rewards, dtype=float)
    out = np.empty_like(r)
    running = 0.0
    for t in range(len(r) - 1, -1, -1):
        running = gamma * (float(r[t]) + running)
        out[t] = running
    return out
