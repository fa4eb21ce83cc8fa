"""Reference backward pass of y = x @ w.T + b: leading axes folded into one batch axis."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, grad_out: np.ndarray) -> dict[str, np.ndarray]:
    """Gradients of the loss with respect to x, w and b, given dL/dy."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    x2 = x.reshape(-1, x.shape[-1])  # (rows, in): every leading position is one sample
    g2 = g.reshape(-1, g.shape[-1])  # (rows, out)
    return {
        "grad_x": g @ w,  # (..., out) @ (out, in) -> (..., in)
        "grad_w": g2.T @ x2,  # summed over all samples, shape (out, in) like w
        "grad_b": g2.sum(axis=0),  # b is added to every sample, so its gradient sums
    }
