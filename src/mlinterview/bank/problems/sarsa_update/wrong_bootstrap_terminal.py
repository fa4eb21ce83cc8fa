"""Wrong: ignores `done` and adds gamma * Q[s_next, a_next] after the episode ended."""

import numpy as np


def sarsa_update(
    q_table: np.ndarray,
    s: int,
    a: int,
    r: float,
    s_next: int,
    a_next: int,
    alpha: float,
    gamma: float,
    done: bool,
) -> np.ndarray:
    """Treats every step as non-terminal."""
    table = np.array(q_table, dtype=float)
    target = r + gamma * float(table[s_next, a_next])
    table[s, a] += alpha * (target - table[s, a])
    return table
