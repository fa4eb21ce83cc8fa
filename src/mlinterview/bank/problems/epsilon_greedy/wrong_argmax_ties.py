"""Wrong: exploits with np.argmax, so ties always go to the first maximal action."""

import math

import numpy as np


def epsilon_greedy(q_values: np.ndarray, epsilon: float, u: float, v: float) -> int:
    """The common shortcut; a zero-initialised Q-table then always picks action 0."""
    q = np.asarray(q_values, dtype=float)
    if u < epsilon:
        return min(math.floor(v * q.size), q.size - 1)
    return int(np.argmax(q))
