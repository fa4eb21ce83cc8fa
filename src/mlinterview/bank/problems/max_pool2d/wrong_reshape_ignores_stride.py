"""Wrong: the reshape trick for non-overlapping windows, used whatever the stride is."""

import numpy as np


def max_pool2d(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """Crops to a multiple of size and reshapes into size x size blocks; stride is ignored."""
    x = np.asarray(x, dtype=float)
    n, c, h, w = x.shape
    ho, wo = h // size, w // size
    blocks = x[:, :, : ho * size, : wo * size].reshape(n, c, ho, size, wo, size)
    return blocks.max(axis=(3, 5))
