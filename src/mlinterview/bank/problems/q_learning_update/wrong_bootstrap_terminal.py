"""Wrong: ignores `done` and bootstraps from the next state even after the episode ended."""

import numpy as np


def q_learning_update(
    q_table: np.ndarray, transitions: list, alpha: float, gamma: float
) -> np.ndarray:
    """Leaks value from whatever state follows a terminal step into the estimate."""
    table = np.array(q_table, dtype=float)
    for s, a, r, s_next, _done in transitions:
        target = float(r) + gamma * float(table[s_next].max())
        table[s, a] += alpha * (target - table[s, a])
    return table
