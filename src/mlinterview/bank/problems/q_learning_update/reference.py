"""Reference tabular Q-learning: sequential updates towards r + gamma * max Q(s')."""

import numpy as np


def q_learning_update(
    q_table: np.ndarray, transitions: list, alpha: float, gamma: float
) -> np.ndarray:
    """Each step sees the table left by the previous one, exactly as online learning would."""
    table = np.array(q_table, dtype=float)
    for s, a, r, s_next, done in transitions:
        target = float(r) if done else float(r) + gamma * float(table[s_next].max())
        table[s, a] += alpha * (target - table[s, a])
    return table
