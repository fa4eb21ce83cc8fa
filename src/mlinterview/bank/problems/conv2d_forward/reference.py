"""Reference 2-D convolution: zero padding, strided windows, one tensordot over C, kh, kw."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """Cross-correlation (no kernel flip) of x (N, C, H, W) with w (F, C, kh, kw), plus b."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    b = np.asarray(b, dtype=float)
    kh, kw = w.shape[2], w.shape[3]
    if padding > 0:  # pad only the two spatial axes, never batch or channels
        x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    # (N, C, H', W', kh, kw) windows; every stride-th start gives floor((H' - kh) / s) + 1 rows
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, Ho, Wo, F)
    return out.transpose(0, 3, 1, 2) + b[None, :, None, None]
