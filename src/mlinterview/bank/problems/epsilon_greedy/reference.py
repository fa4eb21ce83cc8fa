"""Reference epsilon-greedy choice driven by two explicit uniform draws."""

import math

import numpy as np


def epsilon_greedy(q_values: np.ndarray, epsilon: float, u: float, v: float) -> int:
    """u decides explore vs exploit; v picks uniformly among the candidate actions."""
    q = np.asarray(q_values, dtype=float)
    explore = u < epsilon
    candidates = np.arange(q.size) if explore else np.flatnonzero(q == q.max())
    index = min(math.floor(v * candidates.size), candidates.size - 1)
    return int(candidates[index])
