"""Reference Durbin-Watson statistic on raw residuals."""

import numpy as np


def durbin_watson(residuals: np.ndarray) -> float | None:
    """Squared successive differences over the residual sum of squares; None if that is 0."""
    e = np.asarray(residuals, dtype=float)
    denominator = float(np.dot(e, e))
    if denominator == 0.0:
        return None
    diff = np.diff(e)
    return float(np.dot(diff, diff)) / denominator
