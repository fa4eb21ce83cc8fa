"""Wrong: grad_w = x.T @ grad_out, shape (in, out): the gradient for y = x @ w, not x @ w.T."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, grad_out: np.ndarray) -> dict[str, np.ndarray]:
    """Right for grad_x and grad_b; grad_w comes out transposed."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    x2 = x.reshape(-1, x.shape[-1])
    g2 = g.reshape(-1, g.shape[-1])
    return {"grad_x": g @ w, "grad_w": x2.T @ g2, "grad_b": g2.sum(axis=0)}
