"""Wrong: sums the squared residuals from t = 1, like the numerator, dropping e_0^2."""

import numpy as np


def durbin_watson(residuals: np.ndarray) -> float | None:
    """Uses the same index range in numerator and denominator."""
    e = np.asarray(residuals, dtype=float)
    denominator = float(np.dot(e[1:], e[1:]))
    if denominator == 0.0:
        return None
    diff = np.diff(e)
    return float(np.dot(diff, diff)) / denominator
