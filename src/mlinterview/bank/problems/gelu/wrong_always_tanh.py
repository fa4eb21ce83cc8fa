"""Wrong: uses the tanh approximation for approximate="none" too; it is off by up to about 5e-4."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """The tanh formula whatever the flag says."""
    x = np.asarray(x, dtype=float)
    inner = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
    return 0.5 * x * (1.0 + np.tanh(inner))
