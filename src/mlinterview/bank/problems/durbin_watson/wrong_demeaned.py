"""Wrong: subtracts the mean of the residuals first, which changes the denominator."""

import numpy as np


def durbin_watson(residuals: np.ndarray) -> float | None:
    """Treats the statistic like an autocorrelation estimate and centres the series."""
    e = np.asarray(residuals, dtype=float)
    if e.size == 0:
        return None
    e = e - e.mean()
    denominator = float(np.dot(e, e))
    if denominator == 0.0:
        return None
    diff = np.diff(e)
    return float(np.dot(diff, diff)) / denominator
