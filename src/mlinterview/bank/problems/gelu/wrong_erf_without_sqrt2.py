"""Wrong: erf(x) instead of erf(x / sqrt(2)); the standard normal CDF needs the sqrt(2)."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """x * (1 + erf(x)) / 2: the CDF of a normal with variance 1/2."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1.0 + np.tanh(inner))
    erf = np.vectorize(math.erf, otypes=[float])
    return 0.5 * x * (1.0 + erf(x))
