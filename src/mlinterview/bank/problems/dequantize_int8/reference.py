"""Reference per-channel affine dequantisation."""

import numpy as np


def dequantize_int8(q: np.ndarray, scale: np.ndarray, zero_point: np.ndarray) -> np.ndarray:
    """Subtract the zero point in a wide integer type, then scale each row."""
    centred = np.asarray(q, dtype=np.int64) - np.asarray(zero_point, dtype=np.int64)[:, None]
    return centred * np.asarray(scale, dtype=float)[:, None]
