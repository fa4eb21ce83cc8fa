"""Wrong: averages grad_w and grad_b over the batch; the upstream gradient already holds any 1/N."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, grad_out: np.ndarray) -> dict[str, np.ndarray]:
    """Divides the parameter gradients by the number of samples."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    x2 = x.reshape(-1, x.shape[-1])
    g2 = g.reshape(-1, g.shape[-1])
    n = x2.shape[0]
    return {"grad_x": g @ w, "grad_w": g2.T @ x2 / n, "grad_b": g2.mean(axis=0)}
