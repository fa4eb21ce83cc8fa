"""Wrong: computes all targets from the original table and writes them in one scatter."""

import numpy as np


def q_learning_update(
    q_table: np.ndarray, transitions: list, alpha: float, gamma: float
) -> np.ndarray:
    """Vectorised batch update: repeated pairs lose updates, later targets read stale rows."""
    table = np.array(q_table, dtype=float)
    if not transitions:
        return table
    s = np.array([t[0] for t in transitions], dtype=int)
    a = np.array([t[1] for t in transitions], dtype=int)
    r = np.array([t[2] for t in transitions], dtype=float)
    s_next = np.array([t[3] for t in transitions], dtype=int)
    done = np.array([t[4] for t in transitions], dtype=bool)
    target = r + gamma * table[s_next].max(axis=1) * (~done)
    table[s, a] = table[s, a] + alpha * (target - table[s, a])
    return table
