"""Wrong: a comprehension over x's first axis, which only works for 1-D input."""

import math

import numpy as np


def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    """[f(v) for v in x]: fails on a 0-d scalar and on 2-D arrays (v is then a row)."""
    x = np.asarray(x, dtype=float)
    if approximate == "tanh":
        c = math.sqrt(2.0 / math.pi)
        return np.array([0.5 * v * (1.0 + math.tanh(c * (v + 0.044715 * v**3))) for v in x])
    return np.array([0.5 * v * (1.0 + math.erf(v / math.sqrt(2.0))) for v in x])
