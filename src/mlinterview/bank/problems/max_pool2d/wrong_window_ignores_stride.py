"""Wrong: output size uses the stride, but window (i, j) starts at row i, column j, not i*s, j*s."""

import numpy as np


def max_pool2d(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Loops over output positions; the window offset forgets to multiply by the stride."""
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    ho = (h - size) // stride + 1
    wo = (w - size) // stride + 1
    out = np.empty((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i : i + size, j : j + size].max(axis=(2, 3))
    return out
