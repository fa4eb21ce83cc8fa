"""Reference SARSA step: bootstrap from the action the agent actually took next."""

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
    """On-policy TD(0): the target follows the behaviour policy's own next action."""
    table = np.array(q_table, dtype=float)
    target = r if done else r + gamma * float(table[s_next, a_next])
    table[s, a] += alpha * (target - table[s, a])
    return table
