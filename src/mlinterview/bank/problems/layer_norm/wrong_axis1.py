"""Wrong: normalises over axis 1, which is the feature axis only for 2-D input."""

import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Right for (n, d); for (batch, tokens, d) it normalises over the tokens."""
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
        squeeze = True
    else:
        squeeze = False
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    out = (x - mean) / np.sqrt(var + eps) * gamma + beta
    return out[0] if squeeze else out
