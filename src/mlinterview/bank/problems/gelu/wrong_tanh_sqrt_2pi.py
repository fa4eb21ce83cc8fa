"""Wrong: sqrt(2 * pi) instead of sqrt(2 / pi) inside the tanh approximation."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """The exact branch is right; the tanh branch has the constant 2.5066 instead of 0.7979."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        inner = math.sqrt(2.0 * math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1.0 + np.tanh(inner))
    erf = np.vectorize(math.erf, otypes=[float])
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))
