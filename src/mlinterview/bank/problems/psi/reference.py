"""Reference: quantile bins of the expected sample, open outer bins, floored proportions."""

import numpy as np

FLOOR = 1e-4


def psi(expected: np.ndarray, actual: np.ndarray, bins: int) -> float:
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    edges = np.quantile(e, np.linspace(0.0, 1.0, bins + 1))
    inner = edges[1:-1]
    # side="right": a value equal to an edge belongs to the bin that starts there; values
    # outside the expected range land in the first or last bin instead of being dropped.
    e_counts = np.bincount(np.searchsorted(inner, e, side="right"), minlength=bins)
    a_counts = np.bincount(np.searchsorted(inner, a, side="right"), minlength=bins)
    e_prop = np.maximum(e_counts / len(e), FLOOR)
    a_prop = np.maximum(a_counts / len(a), FLOOR)
    return float(np.sum((a_prop - e_prop) * np.log(a_prop / e_prop)))
