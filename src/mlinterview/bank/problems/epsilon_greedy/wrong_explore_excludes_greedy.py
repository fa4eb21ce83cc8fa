"""Wrong: explores only among the non-greedy actions instead of among all actions."""

import math

import numpy as np


def epsilon_greedy(q_values: np.ndarray, epsilon: float, u: float, v: float) -> int:
    """Changes the exploration distribution and fails outright when every action is greedy."""
    q = np.asarray(q_values, dtype=float)
    greedy = np.flatnonzero(q == q.max())
    if u < epsilon:
        others = np.flatnonzero(q != q.max())
        if others.size == 0:
            others = greedy
        return int(others[min(math.floor(v * others.size), others.size - 1)])
    return int(greedy[min(math.floor(v * greedy.size), greedy.size - 1)])
