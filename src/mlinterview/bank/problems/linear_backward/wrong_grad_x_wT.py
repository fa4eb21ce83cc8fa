"""Wrong: grad_x = grad_out @ w.T, mirroring the forward pass instead of transposing it."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, grad_out: np.ndarray) -> dict[str, np.ndarray]:
    """Only has the right shape when in == out, and even then the wrong values."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    x2 = x.reshape(-1, x.shape[-1])
    g2 = g.reshape(-1, g.shape[-1])
    return {"grad_x": g @ w.T, "grad_w": g2.T @ x2, "grad_b": g2.sum(axis=0)}
