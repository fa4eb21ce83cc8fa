"""Wrong: bootstraps from max_b Q[s_next, b], which is Q-learning, not SARSA."""

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
    """Ignores a_next, so it learns the greedy policy instead of the one being followed."""
    table = np.array(q_table, dtype=float)
    target = r if done else r + gamma * float(table[s_next].max())
    table[s, a] += alpha * (target - table[s, a])
    return table
