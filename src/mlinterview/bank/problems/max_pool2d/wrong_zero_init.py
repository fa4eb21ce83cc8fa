"""Wrong: starts each running maximum at 0, so a window of negative values reports 0."""

import numpy as np


def max_pool2d(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Loops over output positions; the maximum is seeded with 0 instead of the first value."""
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    ho = (h - size) // stride + 1
    wo = (w - size) // stride + 1
    out = np.zeros((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            for u in range(size):
                for v in range(size):
                    out[:, :, i, j] = np.maximum(out[:, :, i, j], window[:, :, u, v])
    return out
