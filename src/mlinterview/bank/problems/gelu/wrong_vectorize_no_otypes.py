"""Wrong: np.vectorize(math.erf) without otypes, which raises on an empty array."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """Right on non-empty input; vectorize probes the first element to find the output type."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1.0 + np.tanh(inner))
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))
