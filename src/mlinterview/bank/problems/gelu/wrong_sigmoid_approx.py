"""Wrong: x * sigmoid(1.702 x) for the exact GELU; a cruder approximation, off by up to 2e-2."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """Sigmoid approximation instead of erf; the tanh branch is right."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1.0 + np.tanh(inner))
    return x / (1.0 + np.exp(-1.702 * x))
