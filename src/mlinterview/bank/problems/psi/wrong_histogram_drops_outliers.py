"""Wrong: counts with np.histogram over the quantile edges, which silently drops actual values
outside the expected range and closes the last bin on the right."""

import numpy as np


def psi(expected: np.ndarray, actual: np.ndarray, bins: int) -> float:
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    edges = np.quantile(e, np.linspace(0.0, 1.0, bins + 1))
    e_counts, _ = np.histogram(e, bins=edges)
    a_counts, _ = np.histogram(a, bins=edges)
    e_prop = np.maximum(e_counts / len(e), 1e-4)
    a_prop = np.maximum(a_counts / len(a), 1e-4)
    return float(np.sum((a_prop - e_prop) * np.log(a_prop / e_prop)))
