"""Reference GELU: exact x * Phi(x) via math.erf element-wise, or PyTorch's tanh approximation."""

import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[float])  # otypes: also works on empty arrays


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """GELU of every element of x, keeping x's shape (0-d and empty included)."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        inner = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1.0 + np.tanh(inner))
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))
