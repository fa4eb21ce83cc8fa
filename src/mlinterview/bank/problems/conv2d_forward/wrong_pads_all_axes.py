"""Wrong: np.pad(x, padding) pads every axis, batch and channels too, not just H and W."""

import numpy as np


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """Right without padding; with padding the extra channels no longer match the kernel."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    b = np.asarray(b, dtype=float)
    f, _, kh, kw = w.shape
    x = np.pad(x, padding)
    n, _, h, wd = x.shape
    ho = (h - kh) // stride + 1
    wo = (wd - kw) // stride + 1
    out = np.empty((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            patch = x[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + b[None, :, None, None]
