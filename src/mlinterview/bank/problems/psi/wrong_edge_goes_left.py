"""Wrong: assigns a value equal to an edge to the lower bin (searchsorted side="left")."""

import numpy as np


def psi(expected: np.ndarray, actual: np.ndarray, bins: int) -> float:
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    inner = np.quantile(e, np.linspace(0.0, 1.0, bins + 1))[1:-1]
    e_counts = np.bincount(np.searchsorted(inner, e, side="left"), minlength=bins)
    a_counts = np.bincount(np.searchsorted(inner, a, side="left"), minlength=bins)
    e_prop = np.maximum(e_counts / len(e), 1e-4)
    a_prop = np.maximum(a_counts / len(a), 1e-4)
    return float(np.sum((a_prop - e_prop) * np.log(a_prop / e_prop)))
