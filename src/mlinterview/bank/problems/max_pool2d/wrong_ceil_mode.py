"""Wrong: ceil instead of floor for the output size; partial windows at the border count too."""

import numpy as np


def max_pool2d(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Every window that starts inside the image is pooled, even if it sticks out."""
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    ho = -(-(h - size) // stride) + 1
    wo = -(-(w - size) // stride) + 1
    out = np.empty((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, :, i, j] = window.max(axis=(2, 3))
    return out
