"""Wrong: sums the channels of each filter separately and adds the bias to every channel."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """Per-channel responses each get the bias before they are summed: C copies of b."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    b = np.asarray(b, dtype=float)
    kh, kw = w.shape[2], w.shape[3]
    if padding > 0:
        x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    per_channel = np.einsum("nchwij,fcij->nfchw", windows, w) + b[None, :, None, None, None]
    return per_channel.sum(axis=2)
