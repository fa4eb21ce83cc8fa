"""Wrong: adds the epsilon to every bin and renormalises (Laplace-style smoothing) instead of
flooring only the proportions below 1e-4."""

import numpy as np


def psi(expected: np.ndarray, actual: np.ndarray, bins: int) -> float:
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    inner = np.quantile(e, np.linspace(0.0, 1.0, bins + 1))[1:-1]
    e_prop = np.bincount(np.searchsorted(inner, e, side="right"), minlength=bins) / len(e)
    a_prop = np.bincount(np.searchsorted(inner, a, side="right"), minlength=bins) / len(a)
    e_prop = (e_prop + 1e-4) / (1 + bins * 1e-4)
    a_prop = (a_prop + 1e-4) / (1 + bins * 1e-4)
    return float(np.sum((a_prop - e_prop) * np.log(a_prop / e_prop)))
