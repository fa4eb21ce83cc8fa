"""Wrong: flips the kernel (textbook convolution); deep-learning layers cross-correlate."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """Correct except that w is rotated by 180 degrees before sliding it."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)[:, :, ::-1, ::-1]
    b = np.asarray(b, dtype=float)
    kh, kw = w.shape[2], w.shape[3]
    if padding > 0:
        x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))
    return out.transpose(0, 3, 1, 2) + b[None, :, None, None]
