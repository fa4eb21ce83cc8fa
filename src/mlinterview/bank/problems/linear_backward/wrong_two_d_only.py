"""Wrong: written for (N, in) only; with (B, T, in) input .T and sum(axis=0) go wrong."""

import numpy as np


def linear_backward(x: np.ndarray, w: np.ndarray, grad_out: np.ndarray) -> dict[str, np.ndarray]:
    """grad_out.T @ x and grad_out.sum(axis=0): right for 2-D, wrong shapes for 3-D."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return {"grad_x": g @ w, "grad_w": g.T @ x, "grad_b": g.sum(axis=0)}
