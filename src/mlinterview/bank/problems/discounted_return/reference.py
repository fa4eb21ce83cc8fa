"""Reference: one backward pass using G_t = r_t + gamma * G_{t+1}."""

import numpy as np


def discounted_return(rewards: np.ndarray, gamma: float) -> np.ndarray:
    """The recursion from the end needs T multiply-adds and never forms tiny powers."""
    r = np.asarray(rewards, dtype=float)
    out = np.empty_like(r)
    running = 0.0
    for t in range(len(r) - 1, -1, -1):
        running = float(r[t]) + gamma * running
        out[t] = running
    return out
